import Charts

/// The one stylesheet, inlined in every page so a page needs no second request and works offline.
/// Up/down colours are CSS variables set from the reader's `ColorConvention`.
enum PageStyle {
    static func css(colors: ColorConvention) -> String {
        """
        :root{--up:\(colors.upColor);--down:\(colors.downColor);--ink:#1d2430;--muted:#5b6575;--line:#d9dee6;\
        --bg:#f5f7fa;--card:#fff;--accent:#1f6fd1;--focus:#e08a00}
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;\
        color:var(--ink);background:var(--bg)}
        a{color:var(--accent)}
        a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,summary:focus-visible{\
        outline:3px solid var(--focus);outline-offset:2px}
        .skip{position:absolute;left:-999px;top:0;background:var(--card);padding:.5rem 1rem}
        .skip:focus{left:1rem;z-index:10}
        .wrap{max-width:1200px;margin:0 auto;padding:0 1.25rem}
        header.site{background:var(--ink);color:#fff}
        header.site .wrap{display:grid;grid-template-columns:auto 1fr auto;gap:1.5rem;align-items:center;min-height:3.5rem}
        header.site a{color:#fff;text-decoration:none}
        .brand{font-weight:700;font-size:1.1rem}
        nav.main ul{list-style:none;margin:0;padding:0;display:flex;gap:.25rem;flex-wrap:wrap}
        nav.main a{display:block;padding:.4rem .8rem;border-radius:4px}
        nav.main a:hover{background:rgba(255,255,255,.12)}
        nav.main a[aria-current=page]{background:rgba(255,255,255,.2);font-weight:600}
        .switches{display:flex;gap:1rem;font-size:.85rem;flex-wrap:wrap}
        .switches span{opacity:.75;margin-right:.25rem}
        .switches a{padding:.1rem .35rem;border-radius:3px}
        .switches a[aria-current=true]{background:#fff;color:var(--ink)}
        main{padding:1.5rem 0 2rem}
        h1{font-size:1.5rem;margin:0 0 1rem}
        h2{font-size:1.15rem;margin:1.5rem 0 .75rem}
        .card{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:1rem 1.25rem;margin-bottom:1rem}
        .muted{color:var(--muted)}
        .note{color:var(--muted);font-size:.9rem;margin:.25rem 0}
        .error{color:#b42318;font-weight:600}
        form.inline,div.inline{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,max-content));gap:.75rem 1rem;align-items:end}
        fieldset{border:1px solid var(--line);border-radius:4px;padding:.5rem .75rem;margin:0}
        fieldset label{margin-right:.9rem;white-space:nowrap}
        label.field{display:grid;gap:.2rem;font-size:.9rem}
        input[type=text],input[type=search],input[type=date],input[type=number],select,textarea{\
        font:inherit;padding:.35rem .5rem;border:1px solid #b8c0cc;border-radius:4px;background:#fff}
        button,.button{font:inherit;padding:.4rem 1rem;border:1px solid var(--accent);border-radius:4px;\
        background:var(--accent);color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
        .button.secondary{background:#fff;color:var(--accent)}
        .table-scroll{overflow-x:auto}
        table{border-collapse:collapse;width:100%;background:var(--card)}
        th,td{padding:.45rem .7rem;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap}
        th{background:#eef1f5;font-weight:600}
        td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
        tbody tr:hover{background:#f0f5fc}
        .up{color:var(--up)}.down{color:var(--down)}
        .stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.75rem;margin-bottom:1rem}
        .stats div{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.6rem .9rem}
        .stats dt{font-size:.8rem;color:var(--muted)}.stats dd{margin:0;font-size:1.2rem;font-variant-numeric:tabular-nums}
        .chart svg{width:100%;height:auto;display:block}
        .state{display:inline-block;padding:.05rem .5rem;border-radius:999px;font-size:.85rem;background:#eef1f5}
        .state-running{background:#dbe9fb}.state-completed{background:#dff3e4}.state-failed{background:#fde2e0}
        .state-cancelled{background:#ececec;color:var(--muted)}.state-queued,.state-pending{background:#fff4d6}
        progress{width:8rem;vertical-align:middle}
        fieldset.pool{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:.2rem .75rem;        max-height:16rem;overflow-y:auto;margin-bottom:.75rem}
        .inline-fields{display:flex;flex-wrap:wrap;gap:.75rem 1rem;margin:.75rem 0}
        details.settings summary{cursor:pointer;font-weight:600}
        td.help{white-space:normal;min-width:16rem;color:var(--muted);font-size:.9rem}
        button.secondary{background:#fff;color:var(--accent)}
        button.small{padding:.1rem .6rem;font-size:.85rem}
        form.actions{margin:.5rem 0}
        .facts{color:var(--muted);margin:-.5rem 0 1rem}
        .code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85em}
        tr[data-metric=strategy] td{white-space:normal;word-break:break-all;max-width:22rem;text-align:left}
        nav.toc{display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin-bottom:1rem;font-size:.9rem}
        ul.downloads{display:flex;flex-wrap:wrap;gap:.5rem 1.75rem;margin:0;padding-left:1.2rem}
        th a.sort{color:inherit;text-decoration:none;display:block}
        th a.sort:hover{text-decoration:underline}
        th[aria-sort]{background:#dfe7f2}
        nav.pager{display:flex;flex-wrap:wrap;gap:.35rem;margin:.75rem 0}
        nav.pager a{padding:.15rem .55rem;border:1px solid var(--line);border-radius:4px;text-decoration:none;background:var(--card)}
        nav.pager a[aria-current=page]{background:var(--accent);color:#fff;border-color:var(--accent)}
        table.config th{width:14rem;font-weight:500;background:none}
        .card>h2:first-child{margin-top:0}
        footer.site{border-top:1px solid var(--line);color:var(--muted);font-size:.85rem;padding:1rem 0 2rem}
        @media (max-width:1024px){
        header.site .wrap{grid-template-columns:1fr;gap:.5rem;padding-top:.5rem;padding-bottom:.5rem}
        .wrap{padding:0 .9rem}
        form.inline,div.inline{grid-template-columns:1fr 1fr}
        form.inline fieldset{grid-column:1/-1}
        }
        @page{size:A4 landscape;margin:12mm}
        @media print{
        header.site,footer.site,.skip,.no-print,nav.pager{display:none}
        body{background:#fff;font-size:10pt}
        main{padding:0}
        .wrap{max-width:none;padding:0}
        .card,.chart,.stats,.stats div,.keep,svg{break-inside:avoid;page-break-inside:avoid}
        h1,h2{break-after:avoid;page-break-after:avoid}
        .table-scroll{overflow:visible}
        table{font-size:8pt}
        th,td{padding:.15rem .35rem;white-space:normal}
        thead{display:table-header-group}
        tr{break-inside:avoid;page-break-inside:avoid}
        a{color:inherit;text-decoration:none}
        *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        }
        """
    }
}
