git switch -c feature
sed -i 's/retries: 0/retries: 2/' config.js
echo "extra" >> README.md
git commit -am "feature: retries"
git switch develop
sed -i 's/retries: 0/retries: 3/' config.js
git commit -am "develop: retries"
echo "local note" > NOTES.txt
git merge feature
git diff
git diff --staged
git merge feature
git switch main
git merge --abort
git merge --abort
git status
git log --oneline --all --graph
cat config.js
