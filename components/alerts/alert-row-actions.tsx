// The per-row buttons of /admin/alerts' channel and rule tables: pause or resume, delete, and the paused tag.
import { deleteAlertThingAction, toggleAlertThingAction } from "@/lib/actions/alert-actions";

export const Toggle = ({ what, id, name, enabled }: { what: string; id: number; name: string; enabled: boolean }) => (
  <form action={toggleAlertThingAction}><input type="hidden" name="what" value={what} /><input type="hidden" name="id" value={id} /><input type="hidden" name="enabled" value={enabled ? "0" : "1"} />
    <button type="submit" aria-label={`${enabled ? "Pause" : "Resume"} ${name}`} className="rounded border border-line px-2 py-0.5 text-xs hover:border-accent hover:text-accent">{enabled ? "Pause" : "Resume"}</button>
  </form>
);

export const Delete = ({ what, id }: { what: string; id: number }) => (
  <form action={deleteAlertThingAction}><input type="hidden" name="what" value={what} /><input type="hidden" name="id" value={id} />
    <button type="submit" className="rounded border border-line px-2 py-0.5 text-xs hover:border-[#b2182b] hover:text-[#b2182b]">Delete</button>
  </form>
);

export const Paused = () => <span className="ml-1.5 rounded bg-amber-100 px-1 text-[10px] font-bold uppercase text-amber-900">paused</span>;
