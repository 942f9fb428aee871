# Shared start of every scenario: a repository on main with two commits and a develop branch.
git init -q -b main shop && cd shop
git config user.name "DevOps Engineer"
git config user.email "devops@ecommerce.com"
printf 'module.exports = {\n  timeout: 30000,\n  retries: 0,\n};\n' > config.js
printf '# Shop\n\nAn e-commerce demo.\n' > README.md
git add . && git commit -q -m "Initial commit"
git switch -q -c develop
printf 'const cart = [];\nmodule.exports = cart;\n' > cart.js
git add cart.js && git commit -q -m "feat: cart"
git switch -q main
