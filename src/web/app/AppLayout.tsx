import {
  AppShell,
  Box,
  Burger,
  Center,
  Group,
  Loader,
  Menu,
  NavLink,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconChevronDown, IconKey, IconLogout, IconShieldLock, IconUserCircle } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { signOut as endSession } from '@/modules/accounts/ui/api';
import { useMe } from '../shared/session/session';
import { notifyError } from '../shared/ui/errors';
import { QueryError } from '../shared/ui/QueryError';
import { CONTENT_ID, useHeadingFocusOnNavigation } from '../shared/ui/focus';
import { TWO_FACTOR_PAGE } from './account-paths';
import { NAV_ITEMS, type NavItem } from './navigation';

/** The frame of every signed-in page: header with the user's menu, section links, content. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opened, { toggle, close }] = useDisclosure();

  useEffect(close, [location.pathname, close]);
  useHeadingFocusOnNavigation(location.pathname);

  const signOut = useMutation({
    mutationFn: endSession,
    onSuccess: () => {
      queryClient.clear();
      void navigate('/iniciar-sesion', { replace: true });
    },
    onError: (error) => notifyError(error, t),
  });

  if (me.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (me.isError) {
    return (
      <Box component="main" p="xl" maw={640} mx="auto">
        <QueryError error={me.error} onRetry={() => void me.refetch()} />
      </Box>
    );
  }
  if (!me.data) {
    const next =
      location.pathname === '/'
        ? ''
        : `?siguiente=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/iniciar-sesion${next}`} replace />;
  }

  const user = me.data;
  // The server refuses everything else too (session-gate.ts); this shows the way (ADR 0028).
  if (user.twoFactor.required && !user.twoFactor.enabled && location.pathname !== TWO_FACTOR_PAGE) {
    return <Navigate to={TWO_FACTOR_PAGE} replace />;
  }
  const visible = NAV_ITEMS.filter((item) => !item.permission || user.permissions.includes(item.permission));
  const groups: NavItem['group'][] = [
    'main',
    'program',
    'channel',
    'agreements',
    'directory',
    'administration',
  ];

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', sm: 'xl' }}
    >
      <a
        className="skip-link"
        href={`#${CONTENT_ID}`}
        onClick={(event) => {
          // Focus the content without the router seeing a new address.
          event.preventDefault();
          document.getElementById(CONTENT_ID)?.focus();
        }}
      >
        {t('layout.skipToContent')}
      </a>
      <AppShell.Header bg="guinda.8" c="white" withBorder={false}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              color="white"
              aria-label={opened ? t('layout.closeMenu') : t('layout.openMenu')}
            />
            <Text component={Link} to="/" fw={750} fz={22} c="white" td="none" style={{ letterSpacing: 0.3 }}>
              Vincula
            </Text>
            <Box
              visibleFrom="sm"
              pl="sm"
              style={{ borderLeft: '1px solid rgba(255,255,255,0.35)' }}
              title={user.organization.name}
            >
              <Text fw={600} size="sm" lh={1.2}>
                {user.organization.acronym}
              </Text>
              <Text size="xs" lh={1.2} c="guinda.1" lineClamp={1}>
                {user.organization.name}
              </Text>
            </Box>
          </Group>
          <Menu position="bottom-end" width={240} withinPortal>
            <Menu.Target>
              <UnstyledButton
                aria-label={t('layout.userMenu', { name: user.name })}
                c="white"
                px="sm"
                py={6}
                style={{ borderRadius: 'var(--mantine-radius-sm)' }}
              >
                <Group gap={8} wrap="nowrap">
                  <IconUserCircle size={22} aria-hidden />
                  <Text
                    size="sm"
                    fw={600}
                    visibleFrom="xs"
                    lineClamp={1}
                    maw={{ base: 200, md: 360 }}
                    title={user.name}
                  >
                    {user.name}
                  </Text>
                  <IconChevronDown size={14} aria-hidden />
                </Group>
              </UnstyledButton>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{user.email}</Menu.Label>
              <Menu.Item
                component={Link}
                to="/cuenta/contrasena"
                leftSection={<IconKey size={16} aria-hidden />}
              >
                {t('layout.changePassword')}
              </Menu.Item>
              <Menu.Item
                component={Link}
                to={TWO_FACTOR_PAGE}
                leftSection={<IconShieldLock size={16} aria-hidden />}
              >
                {t('layout.twoFactor')}
              </Menu.Item>
              <Menu.Divider />
              <Menu.Item
                color="red.9"
                leftSection={<IconLogout size={16} aria-hidden />}
                onClick={() => signOut.mutate()}
                disabled={signOut.isPending}
              >
                {t('layout.signOut')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </AppShell.Header>

      {/* The menu scrolls on its own: with every module it is taller than a laptop screen. */}
      <AppShell.Navbar p="sm" aria-label={t('layout.navigation')} style={{ overflowY: 'auto' }}>
        <Stack gap="md">
          {groups.map((group) => {
            const items = visible.filter((item) => item.group === group);
            if (items.length === 0) return null;
            return (
              <Stack gap={2} key={group}>
                {group !== 'main' && (
                  <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb={4}>
                    {t(`nav.group.${group}`)}
                  </Text>
                )}
                {items.map((item) => (
                  <NavLink
                    key={item.to}
                    component={RouterNavLink}
                    to={item.to}
                    end={item.to === '/'}
                    label={t(`nav.${item.label}`)}
                    leftSection={<item.icon size={18} stroke={1.6} aria-hidden />}
                    active={
                      item.to === '/' ? location.pathname === '/' : location.pathname.startsWith(item.to)
                    }
                    variant="light"
                    style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                  />
                ))}
              </Stack>
            );
          })}
          <Box px="sm" pt="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
            <Text size="xs" c="dimmed">
              {t('layout.roles')}
            </Text>
            <Text size="sm">
              {user.operator ? t('layout.operator') : user.roles.map((r) => t(`enums.role.${r}`)).join(', ')}
            </Text>
          </Box>
        </Stack>
      </AppShell.Navbar>

      <AppShell.Main id={CONTENT_ID} tabIndex={-1} bg="gray.0" style={{ outline: 'none' }}>
        <Box maw={1280} mx="auto">
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
