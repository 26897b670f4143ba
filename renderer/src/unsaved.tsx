/**
 * Unsaved changes are never discarded silently. Every form registers a guard (useUnsavedGuard);
 * closing it (Escape, a click outside, «Отмена», the cross), switching pages (route.ts asks before the
 * address changes) and closing or reloading the window (beforeunload) ask «Сохранить изменения?»
 * with «Сохранить» / «Не сохранять» / «Отмена» while any guard has changes.
 */
import { Button, Modal } from 'antd';
import type { FormInstance } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Guard {
  isDirty: () => boolean;
  /** Saves the form; false when it could not (a refused field): then nothing is left. */
  save: () => Promise<boolean>;
  /** «Не сохранять» on a form that stays on screen (a tab): back to the saved values. */
  discard?: () => void;
}

type Answer = 'save' | 'discard' | 'cancel';

const guards = new Set<{ current: Guard }>();
let ask: (() => Promise<Answer>) | null = null;

export function hasUnsaved(): boolean {
  return [...guards].some((g) => g.current.isDirty());
}

async function settle(dirty: Guard[]): Promise<boolean> {
  if (dirty.length === 0) return true;
  // Without the prompt mounted (it always is in the Shell) keeping the changes is the safe answer.
  const answer = ask ? await ask() : 'cancel';
  if (answer === 'cancel') return false;
  if (answer === 'discard') {
    for (const g of dirty) g.discard?.();
    return true;
  }
  for (const g of dirty) if (!(await g.save())) return false;
  return true;
}

/** Asks about every form with changes; true when the user may leave (saved or chose not to save). */
export function confirmLeave(): Promise<boolean> {
  return settle([...guards].map((g) => g.current).filter((g) => g.isDirty()));
}

// The browser (and Electron) shows its own question on reload or close; it cannot offer «Сохранить».
window.addEventListener('beforeunload', (e) => {
  if (!hasUnsaved()) return;
  e.preventDefault();
  e.returnValue = '';
});

/** The values of a form as one string, to compare with the values it was opened with. */
const valuesOf = (form: FormInstance) => JSON.stringify(form.getFieldsValue(true));

/**
 * Guards one form while `active` (a drawer or modal open, a page shown). The values it has once
 * `openedWith` changes (the record loaded) are its clean state; `markClean` after a save.
 * `close(fn)` runs fn at once without changes, or after the question otherwise.
 */
export function useUnsavedGuard(options: {
  form: FormInstance;
  save: () => Promise<boolean>;
  active?: boolean;
  openedWith?: unknown;
  discard?: () => void;
}) {
  const { form, active = true, openedWith } = options;
  const baseline = useRef<string | null>(null);
  const markClean = useCallback(() => {
    baseline.current = valuesOf(form);
  }, [form]);
  useEffect(() => {
    baseline.current = null;
    if (!active) return;
    // After the form has taken the loaded values (set in the same render's effects) — unless the
    // user was quicker and has typed already: then those are changes, not the clean state.
    const t = setTimeout(() => {
      if (!form.isFieldsTouched()) markClean();
    }, 0);
    return () => clearTimeout(t);
  }, [active, openedWith, markClean, form]);
  const guard = useRef<Guard>(null as unknown as Guard);
  guard.current = {
    // Until the clean state is known, anything the user touched counts as a change.
    isDirty: () => active && (baseline.current === null ? form.isFieldsTouched() : valuesOf(form) !== baseline.current),
    save: options.save,
    ...(options.discard ? { discard: options.discard } : {}),
  };
  useEffect(() => {
    guards.add(guard);
    return () => void guards.delete(guard);
  }, []);
  const close = useCallback(async (doClose: () => void) => {
    const g = guard.current;
    if (await settle(g.isDirty() ? [g] : [])) doClose();
  }, []);
  return { close, markClean };
}

/** The one question, mounted once in the Shell. */
export function UnsavedPrompt() {
  const [open, setOpen] = useState(false);
  const resolve = useRef<((a: Answer) => void) | null>(null);
  useEffect(() => {
    ask = () =>
      new Promise<Answer>((r) => {
        resolve.current = r;
        setOpen(true);
      });
    return () => {
      ask = null;
    };
  }, []);
  const answer = (a: Answer) => {
    setOpen(false);
    resolve.current?.(a);
    resolve.current = null;
  };
  return (
    <Modal
      open={open}
      title="Сохранить изменения?"
      zIndex={2000}
      onCancel={() => answer('cancel')}
      footer={[
        <Button key="cancel" onClick={() => answer('cancel')}>
          Отмена
        </Button>,
        <Button key="discard" danger onClick={() => answer('discard')}>
          Не сохранять
        </Button>,
        <Button key="save" type="primary" autoFocus onClick={() => answer('save')}>
          Сохранить
        </Button>,
      ]}
    >
      В форме есть несохранённые изменения. Если не сохранить, они пропадут.
    </Modal>
  );
}
