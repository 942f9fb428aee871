git switch -c a
rm README.md
git add -A
printf 'new on a\n' > both.txt
git add both.txt
git commit -m "a: delete README, add both.txt"
git switch develop
printf '# Shop\n\nAn e-commerce demo, revised.\n' > README.md
printf 'new on develop\n' > both.txt
git add README.md both.txt
git commit -m "develop: change README, add both.txt"
git merge a
git status
git status --short
git ls-files -s
git merge --abort
git switch a
git merge develop
git status --short
git add README.md both.txt
git status
git commit --no-edit
git log --oneline --graph
