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
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className={className ? `dialog ${className}` : 'dialog'}>
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
