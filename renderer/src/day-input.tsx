/**
 * A calendar day typed the way the agent's language writes it (see day-format.ts). Reports
 * the ISO day, '' when empty, or the text as typed when it is not a day yet, so nothing
 * typed is lost and the form can say what is wrong. Reformats once the field is left.
 */
import { type InputHTMLAttributes, type Ref, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayParts, isIsoDay, readDay, writeDay } from './day-format.js';
import { useDeskLocale } from './i18n/desk-language.js';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  value: string;
  onChange(value: string): void;
  ref?: Ref<HTMLInputElement>;
}

/** How the day is to be typed, as a hint: "дд.мм.гггг", "mm/dd/yyyy". */
export function useDayPattern(): string {
  const { t } = useTranslation();
  const locale = useDeskLocale();
  return dayParts(locale)
    .map((p) => ('field' in p ? t(`dayInput.${p.field}`) : p.literal))
    .join('');
}

export function DayInput({ value, onChange, ...input }: Props) {
  const locale = useDeskLocale();
  const pattern = useDayPattern();
  /** The text while the field has focus; otherwise the day as this language writes it. */
  const [editing, setEditing] = useState<string | null>(null);
  const text = editing ?? (isIsoDay(value) ? writeDay(value, locale) : value);
  return (
    <input
      {...input}
      inputMode="numeric"
      autoComplete="off"
      placeholder={pattern}
      aria-invalid={value !== '' && !isIsoDay(value)}
      value={text}
      onFocus={() => setEditing(text)}
      onBlur={() => setEditing(null)}
      onChange={(e) => {
        const typed = e.target.value;
        setEditing(typed);
        onChange(typed.trim() === '' ? '' : (readDay(typed, locale) ?? typed));
      }}
    />
  );
}
