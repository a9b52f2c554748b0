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
  /** The branch in a few characters, for a narrow terminal. */
  branchShort: string;
  columns: number;
}

/** The longest form that fits: with the program's name, then without, then the short branch, then without the seed. */
export function headerText(p: HeaderProps): string {
  const when = `${p.date}  step ${p.step}/${p.lastStep}`;
  const forms = [
    `tariff-sim play │ ${p.scenario} │ ${when} │ seed ${p.seed} │ ${p.branch}`,
    `${p.scenario} │ ${when} │ seed ${p.seed} │ ${p.branch}`,
    `${p.scenario} │ ${when} │ seed ${p.seed} │ ${p.branchShort}`,
    `${p.scenario} │ ${when} │ ${p.branchShort}`,
  ];
  return forms.find((f) => f.length <= p.columns) ?? forms[forms.length - 1];
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
