import { Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The frame of the pages opened without a session: sign-in, the setup link, an invitation. */
export function PublicCard({ children, width = 480 }: { children: ReactNode; width?: number }) {
  const { t } = useTranslation();
  return (
    <Box
      component="main"
      mih="100vh"
      style={{
        background:
          'linear-gradient(180deg, var(--mantine-color-guinda-8) 0, var(--mantine-color-guinda-8) 45vh, var(--mantine-color-gray-1) 45vh)',
      }}
    >
      <Center mih="100vh" p="md">
        <Stack w="100%" maw={width} gap="lg">
          <Stack gap={2} c="white">
            <Title order={1} fz={36}>
              Vincula
            </Title>
            <Text>{t('signIn.tagline')}</Text>
          </Stack>
          <Paper withBorder shadow="md" p="xl" radius="md">
            {children}
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
