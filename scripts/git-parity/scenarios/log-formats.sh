git switch develop
git commit --allow-empty -q -m "subject line

Body paragraph one
wraps here.

Body two."
git switch main
git merge -q --no-ff --no-edit develop
git tag -a v1 -m "v1"
git log
git log --oneline
git log --oneline -2
git log -3 --format='%h %s%d'
git log -1 --format=%B
git log --format='%H %P %an <%ae> %ad %s' --date=iso
git log --first-parent --oneline develop
git log --graph --oneline --all --decorate
git log --graph --all
git log --oneline main..develop
git log --oneline develop..main
git log --stat -1 develop
git log --oneline --graph --first-parent
git show -s --format=%s HEAD^2
git show --stat HEAD~1
git log --stat -3
git log --oneline --stat -3
git log -p -2
git log --graph --stat --all
git show HEAD
git show --stat HEAD
git switch develop
echo "conflict" > README.md
git commit -q -am "develop: readme"
git switch main
echo "other" > README.md
git commit -q -am "main: readme"
git merge develop
echo "resolved" > README.md
git add README.md
git commit -q --no-edit
git show
git show --stat
git log -p -1 --format=%s
