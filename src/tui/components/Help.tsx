import { Box, Text } from 'ink';
import { KEYS } from './keys.js';

export function Help() {
  return (
    <Box flexDirection="column">
      <Text bold>Keys</Text>
      {KEYS.map(([k, what]) => (
        <Text key={k} wrap="truncate">
          <Text bold color="cyan">{k.padEnd(12)}</Text>{what}
        </Text>
      ))}
      <Text dimColor wrap="truncate">The grey band ahead is the p5-p95 fan of 200 runs from this step. Esc closes.</Text>
    </Box>
  );
}
