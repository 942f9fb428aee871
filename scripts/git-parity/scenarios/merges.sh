git merge develop
git log --oneline --graph --all
git merge develop
git switch -c hotfix
echo "fix" >> config.js
git commit -qam "hotfix: fix"
git tag -a hotfix-1 -m "Hotfix 1"
git switch develop
git merge --no-ff -m "Bring the hotfix" hotfix
git switch main
git merge --ff-only hotfix-1
git switch develop
echo "dev" >> README.md
git commit -qam "dev: readme"
git switch main
git merge --ff-only develop
git merge -m "Merge develop (with a message)" develop
git log --graph --oneline --all --decorate
git switch -c other
echo "o" > other.txt
git add other.txt
git commit -qm "other"
git switch main
echo "dirty" >> README.md
git merge other
git merge develop
git status --short
git checkout -- README.md
git merge --no-ff --no-edit other
git log --first-parent --oneline
git log -n 2
git merge --continue
git merge --abort
