git branch
git branch -d develop
git branch -D develop
git branch develop main~0
git branch -d main
git switch develop
git branch -d develop
git branch -d nope
git switch main
git branch topic
git branch topic
git branch "bad name"
git branch -d topic
git branch -m develop dev2
git branch
git branch -m dev2 main
git branch -M dev2 other
git branch -m nope whatever
git branch --show-current
git branch -v
git switch -c x/y
git branch -M x/z
git branch
git branch --merged
git branch --no-merged
