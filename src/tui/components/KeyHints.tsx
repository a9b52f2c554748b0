import { Box, Text } from 'ink';
import { HINTS } from './keys.js';

export function KeyHints({ rows }: { rows: number }) {
  const per = Math.ceil(HINTS.length / rows);
  const lines = Array.from({ length: rows }, (_, r) => HINTS.slice(r * per, (r + 1) * per));
  return (
    <Box flexDirection="column">
      {lines.map((line, r) => (
        <Text key={r} wrap="truncate">
          {line.map(([k, what]) => (
            <Text key={k}>
              <Text bold color="cyan">{k}</Text> {what}{'  '}
            </Text>
          ))}
        </Text>
      ))}
    </Box>
  );
}
