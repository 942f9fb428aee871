git switch -c feat
echo b > b.txt && git add b.txt && git commit -qm "feat: b"
echo c > c.txt && git add c.txt && git commit -qm "feat: c"
git switch develop
echo d > d.txt && git add d.txt && git commit -qm "develop: d"
git switch feat
git rebase develop
git rebase develop
git log --oneline --graph --all
git switch main
git rebase develop
git log --oneline -3
git switch -c x main~2
sed -i 's/timeout: 30000/timeout: 11111/' config.js
git commit -qam "x: timeout"
echo x > x.txt && git add x.txt && git commit -qm "x: file"
git switch develop
sed -i 's/timeout: 30000/timeout: 22222/' config.js
git commit -qam "develop: timeout"
git switch x
echo dirty >> README.md
git rebase develop
git checkout -- README.md
git rebase develop
git status
git status --short --branch
git branch
git rebase develop
git rebase --continue
git rebase --abort
git log --oneline -2
git rebase develop
printf 'module.exports = {\n  timeout: 33333,\n  retries: 0,\n};\n' > config.js
git add config.js
git status
git rebase --continue
git log --oneline --graph -4
git reflog -6
git switch -c y develop~1
sed -i 's/timeout: 30000/timeout: 44444/' config.js
git commit -qam "y: timeout"
git rebase develop
git rebase --skip
git log --oneline -2
git rebase nope
git rebase
git checkout -q --detach
git rebase
git switch -c z
git switch --detach
git switch z
git checkout --detach
git status --short --branch
