git switch -c feature
sed -i 's/timeout: 30000/timeout: 60000/' config.js
git commit -am "feature: longer timeout"
git switch develop
sed -i 's/timeout: 30000/timeout: 45000/' config.js
git commit -am "develop: another timeout"
git switch feature
git merge develop
git status
git status --short
git diff --check
git log --oneline --graph --all
git commit -m "too early"
git switch main
printf 'module.exports = {\n  timeout: 60000,\n  retries: 0,\n};\n' > config.js
git diff --check
git status
git add config.js
git status
git status --short
git commit --no-edit
git log -1 --format=%B
git log --graph --oneline --all --decorate
git status
