import {useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode} from 'react';
import Translate from '@docusaurus/Translate';
import styles from './styles.module.css';

export interface PlaygroundEditorProps {
  /** The file as the learner named it. */
  path: string;
  /** Its text; undefined for a new file. */
  initial: string | undefined;
  onSave(text: string): void;
  onCancel(): void;
}

/**
 * The playground's editor (`edit FILE`): a plain text area with Save and Cancel. Ctrl/Cmd+S
 * saves, Escape cancels; the terminal waits until one of them.
 */
export default function PlaygroundEditor({path, initial, onSave, onCancel}: PlaygroundEditorProps): ReactNode {
  const [text, setText] = useState(initial ?? '');
  const area = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  useEffect(() => {
    area.current?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (event.key === 's' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onSave(text);
    }
  };

  return (
    <form
      className={styles.editor}
      data-playground-editor=""
      onSubmit={(event) => {
        event.preventDefault();
        onSave(text);
      }}>
      <label htmlFor={id} className={styles.label}>
        <Translate id="playground.editor.label" values={{path: <code>{path}</code>}}>
          {'Modifica {path}'}
        </Translate>
      </label>
      <p id={`${id}-hint`} className={styles.hint}>
        <Translate id="playground.editor.hint">
          {'Salva con Ctrl+S (⌘S sul Mac) o con il pulsante; Esc annulla. Il terminale aspetta finché non scegli.'}
        </Translate>
      </p>
      <textarea
        id={id}
        ref={area}
        className={styles.area}
        value={text}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        aria-describedby={`${id}-hint`}
        rows={16}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className={styles.actions}>
        <button type="submit" className="button button--primary button--sm">
          <Translate id="playground.editor.save">{'Salva'}</Translate>
        </button>
        <button type="button" className="button button--secondary button--sm" onClick={onCancel}>
          <Translate id="playground.editor.cancel">{'Annulla'}</Translate>
        </button>
      </div>
    </form>
  );
}
