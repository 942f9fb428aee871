git tag
git tag v1
git tag -a v1.1 -m "Release 1.1"
git tag -a dev-1 develop -m "Develop snapshot

With a body line"
git tag v1
git tag -a v1 -m "again"
git tag -f v1 develop
git tag "bad name"
git tag -a nomsg
git tag -n
git tag -n2
git tag -l 'v*'
git tag --list 'd*'
git tag -d v1.1
git tag -d nope
git show --oneline -s dev-1
git log --oneline --decorate --all
git tag -a v2 nope -m x
