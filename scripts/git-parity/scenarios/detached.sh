git checkout develop~1
git status
git branch
echo "try" > try.txt
git add try.txt
git commit -m "detached work"
git log --oneline --all --graph --decorate
git switch develop
git branch
git checkout -b from-here main
git checkout main
git checkout main
git log --oneline -1
