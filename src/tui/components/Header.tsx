import { Box, Text } from 'ink';

export interface HeaderProps {
  scenario: string;
  date: string;
  step: number;
  horizon: number;
  seed: string;
  branch: string;
}

export function Header(p: HeaderProps) {
  return (
    <Box>
      <Text wrap="truncate">
        <Text bold color="cyan">tariff-sim play</Text> {p.scenario}  <Text bold>{p.date}</Text>  step {p.step}/{p.horizon}  seed {p.seed}  <Text dimColor>{p.branch}</Text>
      </Text>
    </Box>
  );
}
