import { themePreferences, useTheme, type ThemePreference } from './theme';

const isPreference = (value: string): value is ThemePreference =>
  themePreferences.some((option) => option.value === value);

/** The header's theme switch: light, dark, or whatever the system prefers. */
export const ThemeSelect = () => {
  const [preference, setPreference] = useTheme();
  return (
    <select
      className="theme-select"
      aria-label="Theme"
      title="Theme"
      value={preference}
      onChange={(event) => {
        if (isPreference(event.target.value)) setPreference(event.target.value);
      }}
    >
      {themePreferences.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label} theme
        </option>
      ))}
    </select>
  );
};
