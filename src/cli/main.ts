import { Command } from 'commander';
import { ConfigError, loadConfig } from '../modules/platform/config/config';
import { withInstallationSecret } from '../modules/platform/config/installation-secret';
import { buildApp } from '../server/app';
import {
  announceSetupLink,
  createContext,
  openConfiguredDatabase,
  startBackgroundWork,
  stopBackgroundWork,
} from '../server/runtime';
import { verifyAuditTrail } from '../modules/audit';
import { seedDemo } from './demo';
import { backupTo, restoreFrom } from '../modules/platform/backup/backup';
import { AppError } from '../modules/platform/errors';
import { quarterlyReportCommand } from '../modules/reports';
import { FirstOperatorInputSchema } from '../modules/accounts/contract';
import { createFirstOperator } from '../modules/accounts/create-first-operator';
import { parseWithMessages } from '../shared/zod-setup';
import { readPassword } from './read-password';

const program = new Command('vincula').description(
  'Vincula: plataforma de vinculación de organismos electorales',
);

/** Steps of a long command, for the person watching the terminal. */
const say = (message: string) => console.log(message);

function config() {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

program
  .command('serve')
  .description('Inicia el servidor web (aplica migraciones pendientes)')
  .option('--demo', 'carga los datos de demostración antes de iniciar')
  .action(async (opts: { demo?: boolean }) => {
    const database = await openConfiguredDatabase(config(), say);
    const cfg = await withInstallationSecret(config(), database);
    const ctx = createContext(cfg, database);
    if (opts.demo) say(await seedDemo(ctx, say));
    say('Iniciando el servidor…');
    const app = await buildApp(ctx);
    ctx.jobs.on('error', (error) => app.log.error({ err: error }, 'job queue error'));
    await startBackgroundWork(ctx);
    const close = async () => {
      await app.close();
      await stopBackgroundWork(ctx);
      await database.close();
      process.exit(0);
    };
    process.once('SIGINT', close);
    process.once('SIGTERM', close);
    await app.listen({ port: cfg.port, host: cfg.host });
    say(`Vincula escucha en ${cfg.publicUrl} (dirección ${cfg.host}, puerto ${cfg.port}).`);
    // A new installation: whoever started the server opens this link to create the first operator.
    const link = await announceSetupLink(ctx, app.log);
    if (link) {
      console.log(
        `\nEsta instalación no tiene cuenta de operación. Para crearla, abra este enlace (sirve una sola vez):\n\n  ${link}\n\n` +
          'O bien, desde la línea de comandos: vincula setup --email <correo> --name <nombre>\n',
      );
    }
  });

program
  .command('setup')
  .description('Crea la primera cuenta de operación de la instalación (pide la contraseña sin mostrarla)')
  .requiredOption('--email <correo>', 'correo de la cuenta')
  .requiredOption('--name <nombre>', 'nombre de la persona')
  .action(async (opts: { email: string; name: string }) => {
    const password = await readPassword('Contraseña (al menos 12 caracteres): ');
    const parsed = parseWithMessages(FirstOperatorInputSchema, { ...opts, password });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) console.error(issue.message);
      process.exit(2);
    }
    const database = await openConfiguredDatabase(config());
    try {
      const created = await createFirstOperator(database.db, parsed.data, { label: 'vincula setup' });
      console.log(
        `Cuenta de operación creada: ${created.email}. Inicie sesión para dar de alta las organizaciones.`,
      );
    } finally {
      await database.close();
    }
  });

program
  .command('migrate')
  .description('Aplica las migraciones pendientes de la base de datos')
  .action(async () => {
    const database = await openConfiguredDatabase(config(), say);
    await database.close();
  });

program
  .command('demo')
  .description('Crea o completa los datos de demostración (idempotente)')
  .action(async () => {
    const database = await openConfiguredDatabase(config(), say);
    const summary = await seedDemo(
      createContext(await withInstallationSecret(config(), database), database),
      say,
    );
    await database.close();
    console.log(summary);
  });

const audit = program.command('audit').description('Bitácora de auditoría');
audit
  .command('verify')
  .description('Verifica la cadena de hashes de la bitácora completa')
  .action(async () => {
    const database = await openConfiguredDatabase(config());
    const result = await verifyAuditTrail(database.db);
    await database.close();
    if (result.problems.length === 0) {
      console.log(`Bitácora íntegra: ${result.entries} entradas verificadas.`);
      return;
    }
    console.error(`Bitácora alterada: ${result.problems.length} problema(s) en ${result.entries} entradas.`);
    for (const p of result.problems.slice(0, 50)) console.error(`  entrada ${p.seq}: ${p.problem}`);
    process.exitCode = 1;
  });

program
  .command('backup')
  .description('Escribe en un archivo la base de datos completa, con los archivos almacenados')
  .argument('<archivo>', 'ruta del respaldo a crear')
  .action(async (file: string) => {
    const database = await openConfiguredDatabase(config());
    const summary = await backupTo(database, file);
    await database.close();
    console.log(`Respaldo escrito en ${file}: ${summary.rows} registros de ${summary.tables} tablas.`);
  });

program
  .command('restore')
  .description('Restaura un respaldo en una carpeta de datos o base de datos vacía')
  .argument('<archivo>', 'ruta del respaldo')
  .action(async (file: string) => {
    const database = await openConfiguredDatabase(config());
    try {
      const summary = await restoreFrom(database, file);
      console.log(`Respaldo restaurado: ${summary.rows} registros de ${summary.tables} tablas.`);
    } finally {
      await database.close();
    }
  });

program
  .command('report')
  .description('Informes')
  .command('quarterly')
  .description('Genera el informe trimestral de un órgano colegiado a partir de los registros')
  .requiredOption('--org <siglas>', 'siglas de la organización (p. ej. IECM)')
  .requiredOption('--body <siglas>', 'siglas del órgano colegiado (p. ej. CVOE)')
  .requiredOption('--year <año>', 'año')
  .requiredOption('--quarter <n>', 'trimestre, de 1 a 4')
  .option('--format <formato>', 'docx, pdf, html o md', 'docx')
  .requiredOption('--out <archivo>', 'archivo a escribir')
  .action(
    async (opts: {
      org: string;
      body: string;
      year: string;
      quarter: string;
      format: string;
      out: string;
    }) => {
      const database = await openConfiguredDatabase(config());
      try {
        console.log(await quarterlyReportCommand(database.db, opts));
      } finally {
        await database.close();
      }
    },
  );

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Expected failures (a refused restore, an unreadable file) are told plainly, without a trace.
  if (error instanceof AppError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
