/** A modal dialog over the desk: named by its title, closed by Escape (or whatever the dialog offers). */
import { type ReactNode, useId } from 'react';

interface Props {
  title: string;
  onClose(): void;
  className?: string;
  children: ReactNode;
}

export function Modal({ title, onClose, className, children }: Props) {
  const titleId = useId();
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        // The desk's own Escape (close the card) must not act on a key meant for the dialog.
        e.stopPropagation();
        onClose();
      }}
    >
      <div className={className ? `dialog ${className}` : 'dialog'}>
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
