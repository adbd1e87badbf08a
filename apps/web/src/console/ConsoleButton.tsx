import type { ButtonHTMLAttributes } from 'react';
import { consoleStyles } from './console-styles';

/** The console's button: a plain or primary look, and plainly dimmed while it cannot be used. */
export function ConsoleButton({
  variant = 'plain',
  style,
  disabled,
  type = 'button',
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'plain' | 'primary' }) {
  return (
    <button
      {...rest}
      type={type}
      disabled={disabled}
      style={{
        ...(variant === 'primary' ? consoleStyles.primaryButton : consoleStyles.button),
        ...style,
        ...(disabled === true && { opacity: 0.4, cursor: 'not-allowed' }),
      }}
    />
  );
}
