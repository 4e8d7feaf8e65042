/**
 * A row of buttons that is one stop for Tab (ARIA toolbar): the arrow keys move between its
 * buttons, so Tab goes from field to field without stopping at every item's tools.
 */
import { useRef, useState } from 'react';
import type { ReactNode } from 'react';

export interface ToolbarProps {
  readonly label: string;
  readonly className?: string;
  readonly children: ReactNode;
}

export function Toolbar({ label, className, children }: ToolbarProps) {
  const bar = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const buttons = () => [...(bar.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
  // Only the active button is a Tab stop; the rest are reached with the arrow keys.
  const roving = (index: number) => {
    buttons().forEach((button, i) => (button.tabIndex = i === index ? 0 : -1));
  };
  return (
    <div
      ref={(element) => {
        bar.current = element;
        if (element) roving(Math.min(active, buttons().length - 1));
      }}
      role="toolbar"
      aria-label={label}
      className={className}
      onFocus={(event) => {
        const focusedElement: EventTarget = event.target;
        const index = buttons().findIndex((button) => button === focusedElement);
        if (index >= 0) {
          setActive(index);
          roving(index);
        }
      }}
      onKeyDown={(event) => {
        if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft' && event.key !== 'Home' && event.key !== 'End') return;
        const list = buttons();
        const here = list.findIndex((button) => button === document.activeElement);
        const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
        const index = event.key === 'Home' ? 0 : event.key === 'End' ? list.length - 1 : (here + step + list.length) % list.length;
        event.preventDefault();
        event.stopPropagation();
        list[index]?.focus();
      }}
    >
      {children}
    </div>
  );
}
