// The top line: scenario, the date and step of the numbers on screen (run's row), seed, branch.
// At 80 columns it drops the program's name; the date and step always come first after the name.

import { Box, Text } from 'ink';

export interface HeaderProps {
  scenario: string;
  date: string;
  step: number;
  /** The last step (horizon - 1). */
  lastStep: number;
  seed: string;
  branch: string;
  columns: number;
}

export function headerText(p: HeaderProps): string {
  const core = `${p.scenario} │ ${p.date}  step ${p.step}/${p.lastStep} │ seed ${p.seed} │ ${p.branch}`;
  return p.columns >= core.length + 18 ? `tariff-sim play │ ${core}` : core;
}

export function Header(p: HeaderProps) {
  const text = headerText(p);
  const at = text.indexOf(p.date);
  return (
    <Box>
      <Text wrap="truncate">
        <Text color="cyan">{text.slice(0, at)}</Text>
        <Text bold>{`${p.date}  step ${p.step}/${p.lastStep}`}</Text>
        <Text dimColor>{text.slice(at + `${p.date}  step ${p.step}/${p.lastStep}`.length)}</Text>
      </Text>
    </Box>
  );
}
