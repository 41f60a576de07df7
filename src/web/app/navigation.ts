import {
  IconBuildingBank,
  IconBuildingCommunity,
  IconGavel,
  IconProgressCheck,
  IconChecklist,
  IconFileCertificate,
  IconWritingSign,
  IconBellRinging,
  IconUsersGroup,
  IconChartBar,
  IconCalendarOff,
  IconReportAnalytics,
  IconMail,
  IconHome,
  IconInbox,
  IconHierarchy2,
  IconListDetails,
  IconUsers,
  IconSpeakerphone,
  IconAddressBook,
  IconShieldLock,
  IconUserShield,
  IconLetterCase,
  IconUserShare,
  IconTargetArrow,
  IconCalendarEvent,
  IconListCheck,
  IconNews,
  IconWorld,
  type Icon,
} from '@tabler/icons-react';
import type { Permission } from '@/modules/accounts/contract';

export type NavItem = {
  to: string;
  /** Key under "nav." in the translations. */
  label:
    | 'home'
    | 'institutions'
    | 'areas'
    | 'people'
    | 'bodies'
    | 'mandates'
    | 'users'
    | 'letterhead'
    | 'delegations'
    | 'organizations'
    | 'audit'
    | 'folios'
    | 'channelStatistics'
    | 'myRoutings'
    | 'channelReports'
    | 'channelCalendar'
    | 'instruments'
    | 'reviews'
    | 'opinions'
    | 'instrumentAlerts'
    | 'accompaniment'
    | 'program'
    | 'activities'
    | 'publications'
    | 'planReviews'
    | 'reports'
    | 'outreachContacts'
    | 'outreachCampaigns'
    | 'arcoRequests'
    | 'observers';
  icon: Icon;
  permission?: Permission;
  group: 'main' | 'program' | 'channel' | 'agreements' | 'directory' | 'administration';
};

/** The sections of the app; each shows only to users holding its permission. */
export const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'home', icon: IconHome, group: 'main' },
  {
    to: '/organizaciones',
    label: 'organizations',
    icon: IconBuildingBank,
    permission: 'organizations.manage',
    group: 'administration',
  },
  { to: '/gobierno', label: 'bodies', icon: IconGavel, permission: 'governance.read', group: 'main' },
  { to: '/informes', label: 'reports', icon: IconReportAnalytics, permission: 'reports.read', group: 'main' },
  {
    to: '/gobierno/seguimiento',
    label: 'mandates',
    icon: IconProgressCheck,
    permission: 'governance.read',
    group: 'main',
  },
  { to: '/programa', label: 'program', icon: IconTargetArrow, permission: 'program.read', group: 'program' },
  {
    to: '/programa/actividades',
    label: 'activities',
    icon: IconCalendarEvent,
    permission: 'program.read',
    group: 'program',
  },
  {
    to: '/programa/publicaciones',
    label: 'publications',
    icon: IconNews,
    permission: 'program.read',
    group: 'program',
  },
  {
    to: '/programa/seguimiento-ine',
    label: 'planReviews',
    icon: IconListCheck,
    permission: 'program.read',
    group: 'program',
  },
  { to: '/canal/folios', label: 'folios', icon: IconMail, permission: 'channel.read', group: 'channel' },
  {
    to: '/canal/turnos',
    label: 'myRoutings',
    icon: IconInbox,
    permission: 'channel.answer',
    group: 'channel',
  },
  {
    to: '/canal/estadisticas',
    label: 'channelStatistics',
    icon: IconChartBar,
    permission: 'channel.read',
    group: 'channel',
  },
  {
    to: '/canal/informes',
    label: 'channelReports',
    icon: IconReportAnalytics,
    permission: 'channel.read',
    group: 'channel',
  },
  {
    to: '/canal/calendario',
    label: 'channelCalendar',
    icon: IconCalendarOff,
    permission: 'channel.read',
    group: 'channel',
  },
  {
    to: '/convenios/instrumentos',
    label: 'instruments',
    icon: IconFileCertificate,
    permission: 'agreements.read',
    group: 'agreements',
  },
  {
    to: '/convenios/revisiones',
    label: 'reviews',
    icon: IconChecklist,
    permission: 'agreements.read',
    group: 'agreements',
  },
  {
    to: '/convenios/opiniones',
    label: 'opinions',
    icon: IconWritingSign,
    permission: 'agreements.read',
    group: 'agreements',
  },
  {
    to: '/convenios/alertas',
    label: 'instrumentAlerts',
    icon: IconBellRinging,
    permission: 'agreements.read',
    group: 'agreements',
  },
  {
    to: '/convenios/acompanamiento',
    label: 'accompaniment',
    icon: IconUsersGroup,
    permission: 'agreements.read',
    group: 'agreements',
  },
  {
    to: '/difusion/campanas',
    label: 'outreachCampaigns',
    icon: IconSpeakerphone,
    permission: 'outreach.read',
    group: 'main',
  },
  {
    to: '/difusion/contactos',
    label: 'outreachContacts',
    icon: IconAddressBook,
    permission: 'outreach.read',
    group: 'main',
  },
  {
    to: '/difusion/arco',
    label: 'arcoRequests',
    icon: IconShieldLock,
    permission: 'outreach.privacy',
    group: 'main',
  },
  {
    to: '/acompanamiento',
    label: 'observers',
    icon: IconWorld,
    permission: 'observers.read',
    group: 'main',
  },
  {
    to: '/directorio/instituciones',
    label: 'institutions',
    icon: IconBuildingCommunity,
    permission: 'directory.read',
    group: 'directory',
  },
  {
    to: '/directorio/areas',
    label: 'areas',
    icon: IconHierarchy2,
    permission: 'directory.read',
    group: 'directory',
  },
  {
    to: '/directorio/personas',
    label: 'people',
    icon: IconUsers,
    permission: 'directory.read',
    group: 'directory',
  },
  {
    to: '/administracion/usuarios',
    label: 'users',
    icon: IconUserShield,
    permission: 'users.read',
    group: 'administration',
  },
  {
    to: '/administracion/membrete',
    label: 'letterhead',
    icon: IconLetterCase,
    permission: 'letterhead.manage',
    group: 'administration',
  },
  {
    to: '/administracion/suplencias',
    label: 'delegations',
    icon: IconUserShare,
    permission: 'delegations.manage',
    group: 'administration',
  },
  {
    to: '/bitacora',
    label: 'audit',
    icon: IconListDetails,
    permission: 'audit.read',
    group: 'administration',
  },
];
