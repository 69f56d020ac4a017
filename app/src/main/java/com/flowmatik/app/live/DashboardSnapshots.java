package com.flowmatik.app.live;

/**
 * What the live dashboard shows: the {@code data} of each {@code {"type":"dashboard"}} message
 * that admins following it on {@code /ws} receive. The default, {@link TodayCounters}, counts
 * today's figures from the events this instance reads; the admin dashboard's read model can take
 * over by a {@code @Primary} bean answering its {@code GET /api/admin/dashboard} view.
 */
public interface DashboardSnapshots {

    /** The dashboard as it is now: any value that serialises to a JSON object. */
    Object current();
}
