git worktree list
git worktree add ../shop-develop develop
git worktree list
git worktree add ../shop-develop2 develop
git switch develop
git branch -d develop
git branch
git worktree add ../shop-new
git worktree add -b spike ../shop-spike main
git worktree list
cd ../shop-develop
git status
echo "wip" > wip.txt
git commit -q -m "from the worktree" --allow-empty
git log --oneline -1
cd ../shop
git log --oneline --all --graph
git worktree remove ../shop-develop
rm ../shop-develop/wip.txt
git worktree remove ../shop-develop
git worktree list
git worktree remove ../shop-new
git worktree remove ../shop-spike
git worktree list
git branch -d spike shop-new
