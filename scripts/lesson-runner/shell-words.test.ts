import {describe, expect, it} from 'vitest';
import {gitInvocations, shellCommands} from './shell-words';

describe('shellCommands', () => {
  it('splits commands and removes quotes as bash does', () => {
    expect(shellCommands(`git add . && git commit -m "Initial commit: x" # comment\necho 'a b' ; ls -la | wc -l`)).toEqual([
      ['git', 'add', '.'],
      ['git', 'commit', '-m', 'Initial commit: x'],
      ['echo', 'a b'],
      ['ls', '-la'],
      ['wc', '-l'],
    ]);
  });

  it('keeps multi-line messages, escapes and placeholders as one word', () => {
    expect(gitInvocations(`git commit -m "fix: x\n\n- it says \\"hi\\""\ngit cherry-pick -x <hash-del-commit>\ngit log \\\n  --oneline`)).toEqual([
      ['commit', '-m', 'fix: x\n\n- it says "hi"'],
      ['cherry-pick', '-x', '<hash-del-commit>'],
      ['log', '--oneline'],
    ]);
  });

  it('skips heredoc bodies and redirections, and looks into command substitutions', () => {
    const script = [
      "cat > src/a.js << 'EOF'",
      'git commit -m "not a command: file content"',
      'EOF',
      'git merge develop || echo "⚠️ conflict" 2>&1',
      'echo "on $(git branch --show-current) at `git rev-parse --short HEAD`" > /dev/null',
      'LANG=C git status --short 2>/dev/null',
    ].join('\n');
    expect(gitInvocations(script)).toEqual([['merge', 'develop'], ['branch', '--show-current'], ['rev-parse', '--short', 'HEAD'], ['status', '--short']]);
  });
});
