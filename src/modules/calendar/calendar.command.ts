import type { Command } from 'commander';
import { systemCaller } from '../../platform/context';
import type { Boot } from '../../platform/module';
import { invalidCalendarInput } from './calendar.errors';
import {
  addWorkingDays,
  calendarCoverage,
  calendarWarnings,
  getCalendarYear,
  markYearComplete,
  removeCalendarDay,
  setCalendarDay,
  type CalendarDay,
  type CalendarWarning,
} from './calendar.service';
import { parseLegalDate, weekdayName } from './legal-date';
import type { CalendarDayKind } from './working-calendar';

const KIND_LABEL: Record<CalendarDayKind, string> = { holiday: '放假 holiday', workday: '上班 workday' };
const KIND_ALIASES: Record<string, CalendarDayKind> = {
  holiday: 'holiday',
  放假: 'holiday',
  workday: 'workday',
  上班: 'workday',
  调休: 'workday',
};

/** Warnings go to stderr, one visible line each, so that `$(xinyong calendar add-working-days …)` stays a date. */
function printWarnings(warnings: readonly CalendarWarning[]): void {
  for (const w of warnings) console.error(`⚠ 警告：${w.message.zh} / Warning: ${w.message.en}`);
}

function wholeNumber(value: string, field: string, max: number): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > max) {
    throw invalidCalendarInput([
      {
        field,
        code: 'calendar.invalid_number',
        message: { zh: `须为 0–${max} 的整数`, en: `must be a whole number 0–${max}` },
        value,
      },
    ]);
  }
  return Number(value);
}

function yearArgument(value: string): number {
  if (!/^\d{4}$/.test(value)) {
    throw invalidCalendarInput([
      {
        field: 'year',
        code: 'calendar.invalid_year',
        message: { zh: '年份须为四位数字，如 2026', en: 'the year must be four digits, e.g. 2026' },
        value,
      },
    ]);
  }
  return Number(value);
}

function dayLine(day: CalendarDay): string {
  const weekday = weekdayName(parseLegalDate(day.date));
  return `${day.date}  ${weekday.zh} ${weekday.en.slice(0, 3)}  ${KIND_LABEL[day.kind].padEnd(12)}  ${day.nameZh} ${day.nameEn}`;
}

export function calendarCommands(program: Command, boot: Boot): void {
  const calendar = program
    .command('calendar')
    .description('Working-day calendar: holidays, adjusted working days (调休) and legal deadlines');

  calendar
    .command('add-working-days')
    .description('The date N working days after DATE (DATE itself is day 0 and not counted)')
    .argument('<date>', 'the decision date, YYYY-MM-DD')
    .argument('<days>', 'how many working days')
    .option('--json', 'machine-readable output')
    .action(async (date: string, daysText: string, options: { json?: boolean }) => {
      parseLegalDate(date, 'date');
      const days = wholeNumber(daysText, 'days', 10_000);
      const deps = await boot();
      try {
        const result = await addWorkingDays(deps.db.kysely, date, days);
        const warnings = calendarWarnings(result.missingYears);
        printWarnings(warnings);
        if (options.json) console.log(JSON.stringify({ from: date, days, date: result.date, warnings }, null, 2));
        else console.log(result.date);
      } finally {
        await deps.db.close();
      }
    });

  calendar
    .command('show')
    .description("List a year's holidays (weekdays off) and adjusted working days (weekends worked)")
    .argument('<year>')
    .option('--json', 'machine-readable output')
    .action(async (yearText: string, options: { json?: boolean }) => {
      const year = yearArgument(yearText);
      const deps = await boot();
      try {
        const detail = await getCalendarYear(deps.db.kysely, year);
        if (!detail.complete) printWarnings(calendarWarnings([year]));
        if (options.json) {
          console.log(JSON.stringify(detail, null, 2));
          return;
        }
        const state = detail.complete
          ? `完整，来源 ${detail.source} / complete, source ${detail.source}`
          : '未完整录入 / not complete';
        console.log(`${year} 年：${state}`);
        console.log(
          `放假（工作日）${detail.holidays} 天，调休上班 ${detail.workdays} 天 / ${detail.holidays} weekday(s) off, ${detail.workdays} weekend day(s) worked`,
        );
        for (const day of detail.days) console.log(dayLine(day));
      } finally {
        await deps.db.close();
      }
    });

  calendar
    .command('years')
    .description('Years with holiday data, complete or not')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      const deps = await boot();
      try {
        const years = await calendarCoverage(deps.db.kysely);
        if (options.json) {
          console.log(JSON.stringify(years, null, 2));
          return;
        }
        for (const y of years) {
          const state = y.complete ? `完整 complete  ${y.source}` : '未完整 incomplete';
          console.log(`${y.year}  ${state}  (${y.holidays} off, ${y.workdays} worked)`);
        }
      } finally {
        await deps.db.close();
      }
    });

  calendar
    .command('set')
    .description('Enter or change a day: holiday (a weekday off) or workday (a weekend day worked, 调休上班)')
    .argument('<date>', 'YYYY-MM-DD')
    .argument('<kind>', 'holiday | workday (放假 | 上班)')
    .argument('<name>', 'the festival, e.g. 春节')
    .option('--name-en <name>', "English name (defaults to the festival's, e.g. Spring Festival)")
    .action(async (date: string, kindText: string, name: string, options: { nameEn?: string }) => {
      parseLegalDate(date, 'date');
      const kind = KIND_ALIASES[kindText.trim().toLowerCase()] ?? (kindText as CalendarDayKind);
      const deps = await boot();
      try {
        const day = await setCalendarDay(deps.db, systemCaller('cli'), {
          date,
          kind,
          nameZh: name,
          ...(options.nameEn ? { nameEn: options.nameEn } : {}),
        });
        console.log(`已设置 / set: ${dayLine(day)}`);
      } finally {
        await deps.db.close();
      }
    });

  calendar
    .command('unset')
    .description('Remove a day: it follows the Monday–Friday rule again')
    .argument('<date>', 'YYYY-MM-DD')
    .action(async (date: string) => {
      parseLegalDate(date, 'date');
      const deps = await boot();
      try {
        const removed = await removeCalendarDay(deps.db, systemCaller('cli'), date);
        console.log(`已删除 / removed: ${dayLine(removed)}`);
      } finally {
        await deps.db.close();
      }
    });

  calendar
    .command('complete')
    .description("Mark a year's arrangement as fully entered, citing its source")
    .argument('<year>')
    .argument('<source>', 'e.g. 国办发明电〔2025〕7号')
    .action(async (yearText: string, source: string) => {
      const year = yearArgument(yearText);
      const deps = await boot();
      try {
        const y = await markYearComplete(deps.db, systemCaller('cli'), year, source);
        console.log(
          `${year} 年已标记完整 / ${year} marked complete: ${y.source} (${y.holidays} off, ${y.workdays} worked)`,
        );
      } finally {
        await deps.db.close();
      }
    });
}
