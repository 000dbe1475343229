/**
 * The actions of decap-server's API (`POST /api/v1` with `{ action, params }`) that the project's CMS
 * backend passes on, each with the check of every path it names. An action not listed here is refused
 * (fail closed): a new decap-server action gets through only once someone has decided what it may touch.
 *
 * fs mode (`npm start`) has the actions of decap-server's file-system middleware; git mode adds those of the
 * editorial workflow (unpublished entries on cms/ branches), whose collection, slug and branch are checked too,
 * because decap-server turns them into git branch names.
 */
import { slugPattern } from '../../../src/schema/common.ts';
import { uploadProblem } from '../../../src/schema/uploads.ts';
import { describeLayout, diskProblem, entryCollection, mediaFolderOf, shapeProblem, type CmsLayout } from './paths.ts';

export type CmsMode = 'fs' | 'git';

export interface ActionContext {
  layout: CmsLayout;
  /** The project's real path (realpath). */
  root: string;
  mode: CmsMode;
  /** git mode: the only branch the CMS may read and commit to. */
  branch: string;
}

/** Why a request is refused: HTTP status and a message naming the path and the rule. */
export interface Refusal {
  status: number;
  error: string;
}

type Params = Record<string, unknown>;

interface ActionRule {
  /** Changes files or branches: only from the site's own origin. */
  writes: boolean;
  /** Refusal for these params, or undefined when every path is allowed. */
  check: (params: Params, ctx: ActionContext) => Refusal | undefined;
  /** Lists read whole folders: the items to keep (by their path) in the answer. */
  keep?: (path: string, ctx: ActionContext) => boolean;
}

const forbidden = (error: string): Refusal => ({ status: 403, error });
const bad = (error: string): Refusal => ({ status: 400, error });

function where(ctx: ActionContext) {
  return `The CMS backend only touches ${describeLayout(ctx.layout)}.`;
}

/** Refusal when what exists of `path` goes through a symbolic link or leaves the project. */
function diskRefusal(path: string, ctx: ActionContext): Refusal | undefined {
  const problem = diskProblem(ctx.root, path);
  return problem ? forbidden(`refused: ${problem}.`) : undefined;
}

/** A well-formed relative path inside what the action may touch (`inArea`), not behind a symbolic link. */
function pathRefusal(
  path: unknown,
  ctx: ActionContext,
  inArea: (path: string) => boolean,
  outside: string,
): Refusal | undefined {
  const shape = shapeProblem(path);
  if (shape) return bad(`refused: ${shape}.`);
  if (!inArea(path as string)) return forbidden(`refused: "${path}" ${outside}. ${where(ctx)}`);
  return diskRefusal(path as string, ctx);
}

/** An entry file of the CMS configuration. */
const entryRefusal = (path: unknown, ctx: ActionContext) =>
  pathRefusal(path, ctx, (p) => entryCollection(p, ctx.layout) !== undefined, 'is not an entry file of the CMS');

/** A file directly in an upload folder (reading or deleting: any name). */
const mediaRefusal = (path: unknown, ctx: ActionContext) =>
  pathRefusal(path, ctx, (p) => mediaFolderOf(p, ctx.layout) !== undefined, 'is not a file in an upload folder');

/** A new upload: a file in an upload folder whose name, type and size src/schema/uploads.ts allows (its Dutch message for the editor). */
function uploadRefusal(asset: unknown, ctx: ActionContext): Refusal | undefined {
  if (!isObject(asset) || typeof asset.content !== 'string' || asset.encoding !== 'base64')
    return bad('refused: an upload needs path, content and encoding "base64".');
  const refusal = mediaRefusal(asset.path, ctx);
  if (refusal) return refusal;
  const path = asset.path as string;
  const folder = mediaFolderOf(path, ctx.layout)!;
  const problem = uploadProblem(path, Buffer.byteLength(asset.content, 'base64'), folder.key);
  return problem ? { status: 422, error: problem.nl } : undefined;
}

const entryOrMediaRefusal = (path: unknown, ctx: ActionContext) =>
  typeof path === 'string' && mediaFolderOf(path, ctx.layout) ? mediaRefusal(path, ctx) : entryRefusal(path, ctx);

function isObject(value: unknown): value is Params {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function first<T>(items: readonly T[], check: (item: T) => Refusal | undefined): Refusal | undefined {
  for (const item of items) {
    const refusal = check(item);
    if (refusal) return refusal;
  }
  return undefined;
}

function list(value: unknown, name: string): unknown[] | Refusal {
  return Array.isArray(value) ? value : bad(`refused: params.${name} must be a list.`);
}

const isRefusal = (value: unknown): value is Refusal => isObject(value) && typeof value.status === 'number';

/** Entries saved together (a Dutch and an English file); a rename stays in its folder (decap-server moves the whole folder otherwise). */
function persistEntryRefusal(params: Params, ctx: ActionContext): Refusal | undefined {
  const files = params.dataFiles ?? (params.entry === undefined ? undefined : [params.entry]);
  const dataFiles = list(files, 'dataFiles');
  if (isRefusal(dataFiles)) return dataFiles;
  const assets = list(params.assets ?? [], 'assets');
  if (isRefusal(assets)) return assets;
  return (
    first(dataFiles, (file) => {
      if (!isObject(file) || typeof file.raw !== 'string')
        return bad('refused: every entry file needs path and raw text.');
      const refusal = entryRefusal(file.path, ctx);
      if (refusal || file.newPath === undefined) return refusal;
      const moved = entryRefusal(file.newPath, ctx);
      if (moved) return moved;
      const dir = (p: string) => p.slice(0, p.lastIndexOf('/'));
      return dir(file.path as string) === dir(file.newPath as string)
        ? undefined
        : forbidden(`refused: "${file.path}" may be renamed only within its folder, not to "${file.newPath}".`);
    }) ?? first(assets, (asset) => uploadRefusal(asset, ctx))
  );
}

/** git mode: decap-server makes branch names of these, so they must be a collection name and a slug. */
function entryKeyRefusal(params: Params, ctx: ActionContext): Refusal | undefined {
  let { collection, slug } = params;
  if (typeof params.id === 'string' && collection === undefined) [collection, slug] = params.id.split(/\/(.*)/s);
  const names = new Set([...ctx.layout.folders, ...ctx.layout.files].map((c) => c.collection));
  if (typeof collection !== 'string' || !names.has(collection))
    return forbidden(`refused: "${String(collection)}" is not a collection of the CMS.`);
  if (typeof slug !== 'string' || !slugPattern.test(slug))
    return forbidden(`refused: "${String(slug)}" is not a slug (lowercase letters, digits, single hyphens).`);
  return undefined;
}

const WORKFLOW_STATUSES = ['draft', 'pending_review', 'pending_publish'];

const none = () => undefined;

const FS_ACTIONS: Record<string, ActionRule> = {
  info: { writes: false, check: none },
  entriesByFolder: {
    writes: false,
    check: (p, ctx) => {
      const folder = ctx.layout.folders.find((f) => f.folder === p.folder);
      if (!folder)
        return forbidden(`refused: "${String(p.folder)}" is not a collection folder of the CMS. ${where(ctx)}`);
      if (p.extension !== folder.extension)
        return forbidden(
          `refused: "${folder.folder}" holds .${folder.extension} entries, not "${String(p.extension)}".`,
        );
      return diskRefusal(folder.folder, ctx);
    },
    keep: (path, ctx) => entryRefusal(path, ctx) === undefined,
  },
  entriesByFiles: {
    writes: false,
    check: (p, ctx) => {
      const files = list(p.files, 'files');
      return isRefusal(files) ? files : first(files, (f) => entryRefusal(isObject(f) ? f.path : undefined, ctx));
    },
  },
  getEntry: { writes: false, check: (p, ctx) => entryRefusal(p.path, ctx) },
  getMedia: {
    writes: false,
    check: (p, ctx) => {
      const folder = ctx.layout.media.find((m) => m.dir === p.mediaFolder);
      if (!folder) return forbidden(`refused: "${String(p.mediaFolder)}" is not an upload folder. ${where(ctx)}`);
      return diskRefusal(folder.dir, ctx);
    },
    keep: (path, ctx) => mediaRefusal(path, ctx) === undefined,
  },
  getMediaFile: { writes: false, check: (p, ctx) => mediaRefusal(p.path, ctx) },
  getDeployPreview: { writes: false, check: none },
  persistEntry: { writes: true, check: persistEntryRefusal },
  persistMedia: { writes: true, check: (p, ctx) => uploadRefusal(p.asset, ctx) },
  deleteFile: { writes: true, check: (p, ctx) => entryOrMediaRefusal(p.path, ctx) },
  deleteFiles: {
    writes: true,
    check: (p, ctx) => {
      const paths = list(p.paths, 'paths');
      return isRefusal(paths) ? paths : first(paths, (path) => entryOrMediaRefusal(path, ctx));
    },
  },
};

const GIT_ACTIONS: Record<string, ActionRule> = {
  ...FS_ACTIONS,
  unpublishedEntries: { writes: false, check: none },
  unpublishedEntry: { writes: false, check: entryKeyRefusal },
  unpublishedEntryDataFile: { writes: false, check: (p, ctx) => entryKeyRefusal(p, ctx) ?? entryRefusal(p.path, ctx) },
  unpublishedEntryMediaFile: { writes: false, check: (p, ctx) => entryKeyRefusal(p, ctx) ?? mediaRefusal(p.path, ctx) },
  deleteUnpublishedEntry: { writes: true, check: entryKeyRefusal },
  updateUnpublishedEntryStatus: {
    writes: true,
    check: (p, ctx) =>
      entryKeyRefusal(p, ctx) ??
      (WORKFLOW_STATUSES.includes(p.newStatus as string)
        ? undefined
        : forbidden(`refused: "${String(p.newStatus)}" is not a workflow status.`)),
  },
  publishUnpublishedEntry: { writes: true, check: entryKeyRefusal },
};

export interface ActionVerdict {
  action: string;
  writes: boolean;
  refusal?: Refusal;
  keep?: (path: string) => boolean;
}

/** The verdict on one API request body: which action, whether it writes, and why it is refused (if it is). */
export function judgeAction(body: unknown, ctx: ActionContext): ActionVerdict {
  const action = isObject(body) && typeof body.action === 'string' ? body.action : '';
  const rules = ctx.mode === 'git' ? GIT_ACTIONS : FS_ACTIONS;
  const rule = Object.hasOwn(rules, action) ? rules[action] : undefined;
  if (!rule)
    return {
      action,
      writes: true,
      refusal: forbidden(
        `refused: unknown action "${action}" (${ctx.mode} mode allows ${Object.keys(rules).join(', ')}).`,
      ),
    };
  const params = (body as Params).params ?? {};
  if (!isObject(params)) return { action, writes: rule.writes, refusal: bad('refused: params must be an object.') };
  if (ctx.mode === 'git' && action !== 'info') {
    const branches = [params.branch, (body as Params).branch].filter((b) => b !== undefined);
    if (branches.length === 0 || branches.some((b) => b !== ctx.branch)) {
      return {
        action,
        writes: rule.writes,
        refusal: forbidden(`refused: the CMS works on branch "${ctx.branch}" only, not "${String(branches[0])}".`),
      };
    }
  }
  const keep = rule.keep;
  return {
    action,
    writes: rule.writes,
    refusal: rule.check(params, ctx),
    ...(keep && { keep: (path: string) => keep(path, ctx) }),
  };
}
