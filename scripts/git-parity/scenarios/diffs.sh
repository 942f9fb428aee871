printf 'module.exports = {\n  timeout: 60000,  \n  retries: 2,\n};\n' > config.js
git diff
git diff --stat
git diff --name-only
git diff --name-status
git diff --check
git add config.js
git diff
git diff --staged
git diff --cached --stat
git diff --check --staged
echo "new" > new.txt
git add new.txt
git diff --staged --name-status
git diff main develop
git diff main..develop --stat
git diff HEAD
git diff --quiet
git diff --exit-code
git diff --staged --exit-code
