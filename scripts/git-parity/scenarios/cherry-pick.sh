git switch develop
echo "tool" > tool.js
git add tool.js
git commit -q -m "feat: tool"
sed -i 's/timeout: 30000/timeout: 50000/' config.js
git commit -q -am "tune timeout"
git switch main
git cherry-pick -x develop~1
git log -1 --format=%B
git cherry-pick develop
git log --oneline --graph --all
sed -i 's/timeout: 50000/timeout: 70000/' config.js
git commit -q -am "main: timeout"
git switch develop
git cherry-pick main
git status
git cherry-pick --abort
git cherry-pick main
printf 'module.exports = {\n  timeout: 70000,\n  retries: 0,\n};\n' > config.js
git add config.js
git cherry-pick --continue
git log --oneline -3
git cherry-pick --abort
git cherry-pick nope
