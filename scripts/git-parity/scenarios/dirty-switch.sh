echo "local" >> README.md
git switch develop
git status --short
git switch main
echo "x" >> cart.js 2>/dev/null
git status --short
printf 'other\n' > cart.js
git switch develop
rm cart.js
git switch develop
git switch main
sed -i 's/retries: 0/retries: 1/' config.js
git add config.js
git switch develop
git switch main
git switch -c side
git commit -q -m "side: retries"
git switch develop
sed -i 's/const cart = \[\];/let cart = [];/' cart.js
git switch main
git switch -f main
git status --short
git checkout -- cart.js
git restore --staged README.md
git restore README.md
git status
