using Vnd.Planner.Types;

namespace Vnd.Engine.Catalog.System;

/// <summary>
/// pg_class and pg_attribute: a row per relation and per column of the session's snapshot, written only for the
/// relations the scan's keys admit (pg_class: oid, relname, relnamespace; pg_attribute: attrelid). A trace table's
/// columns and statistics are read only when a written column needs them.
/// </summary>
internal static class PgRelationRows
{
    private const int Oid = 0, RelName = 1, RelNamespace = 2, RelPages = 9, RelTuples = 10, RelNatts = 17;

    public static void Classes(CatalogSnapshot s, CatalogScanKeys keys, CatalogRowWriter w)
    {
        foreach (var r in s.Relations)
        {
            if (!keys.Admits(Oid, r.Oid) || !keys.Admits(RelName, r.Name) || !keys.Admits(RelNamespace, r.Namespace))
                continue;
            var table = r.Kind == 'r';
            w.Row();
            w.Integer(Oid, r.Oid);
            w.Text(RelName, r.Name);
            w.Integer(RelNamespace, r.Namespace);
            w.Integer(3, 0);
            w.Integer(4, 0);
            w.Integer(5, CatalogSnapshot.BootstrapRole);
            w.Integer(6, table ? CatalogSnapshot.HeapAccessMethod : 0);
            w.Integer(7, table ? r.Oid : 0);
            w.Integer(8, 0);
            if (w.Wants(RelPages))
                w.Integer(RelPages, (int)Math.Min(int.MaxValue, ((r.Statistics?.ByteSize ?? 0) + 8191) / 8192));
            if (w.Wants(RelTuples))
                w.Real(RelTuples, (float)(r.Statistics?.RowCount ?? -1));
            w.Integer(11, 0);
            w.Integer(12, 0);
            w.Bool(13, false);
            w.Bool(14, false);
            w.Text(15, r.Schema == CatalogSnapshot.TempSchema ? "t" : "p");
            w.Text(16, r.Kind switch { 'r' => "r", 'v' => "v", var kind => kind.ToString() });
            if (w.Wants(RelNatts))
                w.Integer(RelNatts, r.Columns.Count);
            w.Integer(18, 0);
            w.Bool(19, !table);
            for (var c = 20; c <= 23; c++)
                w.Bool(c, false);
            w.Bool(24, true);
            w.Text(25, table ? "d" : "n");
            w.Bool(26, false);
            w.Integer(27, 0);
        }
    }

    public static void Attributes(CatalogSnapshot s, CatalogScanKeys keys, CatalogRowWriter w)
    {
        foreach (var r in s.Relations)
        {
            if (!keys.Admits(Oid, r.Oid))
                continue;
            var columns = r.Columns;
            for (var i = 0; i < columns.Count; i++)
            {
                var type = columns[i].Type;
                var oid = PgTypes.OidOf(type);
                var pg = PgTypes.Find(oid);
                var byValue = pg?.ByValue ?? false;
                w.Row();
                w.Integer(0, r.Oid);
                w.Text(1, columns[i].Name);
                w.Integer(2, oid);
                w.Integer(3, -1);
                w.Integer(4, pg?.Length ?? -1);
                w.Integer(5, i + 1);
                w.Integer(6, type.Id == TypeId.Array ? 1 : 0);
                w.Integer(7, -1);
                w.Integer(8, -1);
                w.Bool(9, byValue);
                w.Text(10, "i");
                w.Text(11, byValue ? "p" : "x");
                w.Text(12, "");
                w.Bool(13, false);
                w.Bool(14, false);
                w.Bool(15, false);
                w.Text(16, "");
                w.Text(17, "");
                w.Bool(18, false);
                w.Bool(19, true);
                w.Integer(20, 0);
                w.Integer(21, type.Id == TypeId.Text ? 100 : 0);
            }
        }
    }
}
