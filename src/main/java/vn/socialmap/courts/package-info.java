/**
 * Regional People's Courts (Tòa án nhân dân khu vực, Resolution 81/2025/UBTVQH15, from
 * 01/07/2025) and the communes each court's area covers, as a table admins keep with the
 * source of every row; {@link vn.socialmap.courts.RegionalCourts#courtFor} answers which court
 * covers a commune on a date.
 *
 * <p>A module of its own rather than part of geography or cases: a court is a judicial body,
 * not an administrative unit (its area is a list of communes that the courts' own texts set
 * and that changes on their dates, not the units' boundaries), and the case registry is only
 * one of its readers. It depends on geography (communes), security (who may change it) and
 * audit; nothing here depends on cases, so the registry can call it without a cycle.
 */
package vn.socialmap.courts;
