export interface ModeSwitchProps {
  suggesting: boolean;
  onChange: (suggesting: boolean) => void;
}

/** Editing (typing changes the text) or suggesting (changes are proposed for the team to decide). */
export function ModeSwitch({ suggesting, onChange }: ModeSwitchProps) {
  return (
    <div className="mode-switch" role="radiogroup" aria-label="Mode">
      {[
        { value: false, label: 'Editing' },
        { value: true, label: 'Suggesting' },
      ].map(({ value, label }) => (
        <label key={label} className={`mode-switch__option${suggesting === value ? ' mode-switch__option--on' : ''}`}>
          <input type="radio" name="editing-mode" checked={suggesting === value} onChange={() => onChange(value)} />
          {label}
        </label>
      ))}
    </div>
  );
}
