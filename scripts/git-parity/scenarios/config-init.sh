unset GIT_CONFIG_GLOBAL
cd ..
git init -q quiet && rm -rf quiet
git init fresh
cd fresh
git status
git log
git init
git config user.name
git config user.name "New Name"
git config user.name
git config --get user.email
git config --unset user.name
git config --unset user.name
git config core.bare
git config nosection value
git config --list
echo x > x
git add x
# The sandbox never guesses an identity from the machine, as git with user.useConfigOnly.
git -c user.useConfigOnly=true commit -m "no identity"
git config --global user.name "Global Person"
git config --global user.email "global@example.com"
git config --global --list
git commit -m "global identity"
git log --format='%an <%ae>'
git -c init.defaultBranch=trunk init ../trunk
cd ../trunk
git status
git branch -M main
git status
git init -b dev ../dev
cd ../dev && git status --short --branch
