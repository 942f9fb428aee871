git switch develop
git switch -
git switch -
git checkout -
git switch -c topic
echo t > t.txt
git add t.txt
git commit -q -m "topic work"
git switch main
git merge topic
git checkout HEAD~1
git checkout -
git branch -m topic topic2
git branch -M main trunk
git cherry-pick develop
git reflog
git reflog show trunk
git reflog develop
git reflog -n 3
git branch -D topic2
git reflog topic2
