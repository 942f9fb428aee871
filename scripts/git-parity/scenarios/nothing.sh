git commit -m "nothing"
echo "draft" > draft.txt
git commit -m "untracked only"
echo "more" >> README.md
git commit -m "unstaged only"
git commit -a -m "all tracked"
git log --oneline
git commit --allow-empty -m "empty on purpose"
git commit -m ""
git commit
git add draft.txt
git commit -q -m "quiet"
git log --oneline -2
git status
