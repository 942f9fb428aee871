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
git switch -q -c q1 main
echo q1 > q.txt && git add q.txt && git commit -qm q1
git switch -q main
echo q2 > q.txt && git add q.txt && git commit -qm q2
git merge -q q1
git merge --abort
git switch -q -c q3 main~1
echo q3 > q3.txt && git add q3.txt && git commit -qm q3
git switch -q main
git merge -q --no-edit q3
git merge -q q3
git log --oneline -2
