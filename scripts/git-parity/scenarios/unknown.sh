git switch nope
git switch -c develop
git switch -c ok nope
git checkout nope
git merge nope
git show nope
git log nope
git branch x nope
git switch v1
git tag -a v1 -m "tag"
git switch v1
git switch --detach v1
git switch -
git rev-parse HEAD
git rev-parse --verify nope
git frobnicate
