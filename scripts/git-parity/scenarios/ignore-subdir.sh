printf 'node_modules/\n*.log\n/build\n!keep.log\n' > .gitignore
mkdir -p node_modules/x build src/deep/er
echo a > node_modules/x/i.js
echo b > build/out.js
echo c > debug.log
echo d > keep.log
echo e > src/deep/er/file.js
echo f > src/top.js
git status
git status --short
git add debug.log
git add -f debug.log
git status --short
cd src
git status
git status --short
git add deep
git add ../README.md top.js
git status --short
git commit -q -m "from a subfolder"
cd deep
git log --oneline -1
git status
cd ../..
git add .
git status
git add nothing-here
