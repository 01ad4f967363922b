using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace GreenPolicy.Benchmarks.Engines;

/// <summary>
/// The baseline a user would otherwise pick: SQLite FTS5 with the trigram tokenizer (SQLite ≥ 3.34),
/// in its fairest plain form. The clause table holds the text once (FTS5 external content), so the
/// index is only the trigram postings; filters are ordinary indexed side tables; a citation is an
/// indexed (文号, locator) lookup. Queries: MATCH for terms of three characters or more (the trigram
/// index cannot answer 铝 or 钢铁), a LIKE scan of the clause table for shorter terms.
/// </summary>
internal sealed class Fts5Engine : IDisposable
{
    private readonly SqliteConnection connection;

    private Fts5Engine(SqliteConnection connection) => this.connection = connection;

    public static string SqliteVersion()
    {
        using var c = new SqliteConnection("Data Source=:memory:");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT sqlite_version()";
        return (string)cmd.ExecuteScalar()!;
    }

    public sealed record BuildTimes(double InsertSeconds, double IndexSeconds, double OptimizeSeconds, long Clauses, long TextBytes);

    /// <summary>Loads the clauses in one transaction (timed: the bare insert), then builds the side indexes and optimises (timed apart).</summary>
    public static BuildTimes Build(string dbPath, IEnumerable<ClauseRow> rows)
    {
        foreach (var f in new[] { dbPath, dbPath + "-journal", dbPath + "-wal" })
        {
            File.Delete(f);
        }
        using var c = new SqliteConnection($"Data Source={dbPath};Pooling=False");
        c.Open();
        Exec(c, """
            PRAGMA page_size = 8192;
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            PRAGMA temp_store = MEMORY;
            PRAGMA cache_size = -262144;
            CREATE TABLE clause(id INTEGER PRIMARY KEY, clause_id TEXT NOT NULL, doc_id TEXT NOT NULL, doc_number TEXT,
                                locator TEXT NOT NULL, citation TEXT NOT NULL, text TEXT NOT NULL);
            CREATE VIRTUAL TABLE clause_fts USING fts5(text, content='clause', content_rowid='id', tokenize='trigram');
            CREATE TABLE clause_industry(industry TEXT NOT NULL, clause INTEGER NOT NULL);
            CREATE TABLE clause_year(year INTEGER NOT NULL, clause INTEGER NOT NULL);
            """);
        var watch = Stopwatch.StartNew();
        long n = 0, bytes = 0;
        using (var tx = c.BeginTransaction())
        {
            using var insert = Command(c, tx, "INSERT INTO clause VALUES($id, $cid, $doc, $num, $loc, $cit, $text)", "$id", "$cid", "$doc", "$num", "$loc", "$cit", "$text");
            using var fts = Command(c, tx, "INSERT INTO clause_fts(rowid, text) VALUES($id, $text)", "$id", "$text");
            using var industry = Command(c, tx, "INSERT INTO clause_industry VALUES($v, $id)", "$v", "$id");
            using var year = Command(c, tx, "INSERT INTO clause_year VALUES($v, $id)", "$v", "$id");
            foreach (var r in rows)
            {
                n++;
                bytes += System.Text.Encoding.UTF8.GetByteCount(r.Text);
                Run(insert, n, r.Id, r.Doc, (object?)r.DocNumber ?? DBNull.Value, r.Locator, r.Citation, r.Text);
                Run(fts, n, r.Text);
                foreach (var code in r.Industries.Distinct())
                {
                    Run(industry, code, n);
                }
                foreach (var y in r.Years.Distinct())
                {
                    Run(year, y, n);
                }
            }
            tx.Commit();
        }
        var insertSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        Exec(c, """
            CREATE INDEX clause_industry_ix ON clause_industry(industry, clause);
            CREATE INDEX clause_year_ix ON clause_year(year, clause);
            CREATE INDEX clause_cite_ix ON clause(doc_number, locator);
            """);
        var indexSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        Exec(c, "INSERT INTO clause_fts(clause_fts) VALUES('optimize'); ANALYZE;");
        return new BuildTimes(insertSeconds, indexSeconds, watch.Elapsed.TotalSeconds, n, bytes);
    }

    public static Fts5Engine Open(string dbPath)
    {
        var c = new SqliteConnection($"Data Source={dbPath};Mode=ReadOnly;Pooling=False");
        c.Open();
        Exec(c, "PRAGMA cache_size = -262144; PRAGMA mmap_size = 4294967296; PRAGMA temp_store = MEMORY;");
        return new Fts5Engine(c);
    }

    /// <summary>The first page (top 20 by bm25 when MATCH is used, else table order) and the total, as a result page shows them.</summary>
    public (int Total, IReadOnlyList<string> Ids) Search(string q, string? industry, int? year, int size = 20)
    {
        var terms = q.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var longTerms = terms.Where(t => t.Length >= 3).ToList();
        var shortTerms = terms.Where(t => t.Length < 3).ToList();
        var where = new List<string>();
        using var page = connection.CreateCommand();
        using var count = connection.CreateCommand();
        void Param(string name, object value)
        {
            page.Parameters.AddWithValue(name, value);
            count.Parameters.AddWithValue(name, value);
        }
        string from;
        string order;
        string select;
        if (longTerms.Count > 0)
        {
            // Each term quoted: a phrase of trigrams; several terms must all occur.
            Param("$match", string.Join(" AND ", longTerms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")));
            from = "clause_fts f JOIN clause c ON c.id = f.rowid";
            where.Add("clause_fts MATCH $match");
            order = "ORDER BY f.rank";
            select = "c.clause_id, c.citation, snippet(clause_fts, 0, '<mark>', '</mark>', '…', 24)";
        }
        else
        {
            from = "clause c";
            order = "";
            select = "c.clause_id, c.citation, c.text";
        }
        for (var i = 0; i < shortTerms.Count; i++)
        {
            Param($"$like{i}", "%" + shortTerms[i] + "%");
            where.Add($"c.text LIKE $like{i}");
        }
        if (industry is not null)
        {
            // GB/T 4754 codes nest by prefix (C32 ⊃ C3216), like GreenPolicy's industry filter.
            Param("$ind", industry);
            Param("$indEnd", industry + "\uffff");
            where.Add("c.id IN (SELECT clause FROM clause_industry WHERE industry >= $ind AND industry < $indEnd)");
        }
        if (year is not null)
        {
            Param("$year", year.Value);
            where.Add("c.id IN (SELECT clause FROM clause_year WHERE year = $year)");
        }
        var whereSql = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        page.CommandText = $"SELECT {select} FROM {from} {whereSql} {order} LIMIT {size}";
        count.CommandText = $"SELECT count(*) FROM {from} {whereSql}";
        var ids = new List<string>(size);
        using (var reader = page.ExecuteReader())
        {
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
                _ = reader.GetString(1);
                _ = reader.GetString(2);
            }
        }
        var total = Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        return (total, ids);
    }

    /// <summary>A citation `文号 locator` (e.g. 黔府办发〔2018〕14号三（二）) by the indexed (doc_number, locator) columns.</summary>
    public string? Cite(string docNumber, string locator)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT clause_id, citation, text FROM clause WHERE doc_number = $n AND locator = $l LIMIT 1";
        cmd.Parameters.AddWithValue("$n", docNumber);
        cmd.Parameters.AddWithValue("$l", locator);
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? reader.GetString(0) : null;
    }

    public void Dispose() => connection.Dispose();

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction tx, string sql, params string[] parameters)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var p in parameters)
        {
            cmd.Parameters.Add(new SqliteParameter { ParameterName = p });
        }
        cmd.Prepare();
        return cmd;
    }

    private static void Run(SqliteCommand cmd, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            cmd.Parameters[i].Value = values[i];
        }
        cmd.ExecuteNonQuery();
    }

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
