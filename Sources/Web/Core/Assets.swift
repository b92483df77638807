import Crypto

/// The one stylesheet (and the service worker): small, cached for a year under a
/// fingerprinted name, so a phone downloads it once per release.
enum Assets {
  static let css = """
    *{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%}
    body{margin:0;font:1.05rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff}
    a{color:#0b5394}
    a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus{outline:3px solid #e37400;outline-offset:2px}
    .skip{position:absolute;inset-inline-start:-999px}.skip:focus{inset-inline-start:.5rem;top:.5rem;background:#fff;padding:.5rem;z-index:9}
    header.top{background:#0b3d66;color:#fff;padding:.4rem .8rem;display:flex;flex-wrap:wrap;align-items:center;gap:.3rem .8rem}
    header.top a{color:#fff}
    .brand{font-weight:700;font-size:1.15rem;text-decoration:none;margin-inline-end:auto;padding:.5rem 0}
    nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem .8rem}
    nav a,header .linkbtn{display:inline-block;min-height:44px;padding:.6rem .1rem}
    .linkbtn{background:none;border:0;color:inherit;text-decoration:underline;font:inherit;cursor:pointer}
    form.lang{display:inline}
    form.lang button{min-height:44px;min-width:44px;background:none;border:1px solid #fff;color:#fff;border-radius:4px;font:inherit;padding:.3rem .5rem}
    form.lang button[aria-pressed=true]{background:#fff;color:#0b3d66;font-weight:700}
    main{max-width:42rem;margin:0 auto;padding:1rem}
    h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}
    h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
    h3{font-size:1.1rem}
    img,svg,video{max-width:100%;height:auto}
    pre{overflow-x:auto;background:#f4f4f4;padding:.6rem}
    table{border-collapse:collapse;width:100%}
    th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:start;vertical-align:top;overflow-wrap:anywhere}
    blockquote{margin:1rem 0;padding:.2rem 1rem;border-inline-start:4px solid #0b5394;background:#f2f7fb}
    .card{border:1px solid #c8c8c8;border-radius:8px;padding:.8rem 1rem;margin:0 0 1rem}
    .card h2,.card h3{margin-top:0}
    .meta{color:#555;font-size:.95rem}
    .notice{background:#fff4e5;border-inline-start:4px solid #e37400;padding:.6rem .8rem;margin:1rem 0}
    .ok{background:#e8f5e9;border-inline-start:4px solid #2e7d32;padding:.6rem .8rem;margin:1rem 0}
    .bad{background:#fdecea;border-inline-start:4px solid #c62828;padding:.6rem .8rem;margin:1rem 0}
    progress{width:100%;height:.8rem;accent-color:#0b5394}
    button{min-height:44px;min-width:44px;font:inherit;padding:.5rem 1rem;border-radius:6px;border:2px solid #0b5394;background:#fff;color:#0b5394;cursor:pointer}
    .btn,button.primary{display:inline-block;min-height:48px;padding:.7rem 1.2rem;border-radius:6px;border:0;background:#0b5394;color:#fff;font:inherit;font-weight:600;text-decoration:none;cursor:pointer}
    .btn.secondary,button.secondary{background:#fff;color:#0b5394;border:2px solid #0b5394}
    .actions{display:flex;flex-wrap:wrap;gap:.6rem;margin:1.2rem 0}
    label{display:block;font-weight:600;margin:.8rem 0 .2rem}
    input[type=text],input[type=password],input[type=number],input[type=date],input[type=search],select,textarea{width:100%;min-height:44px;font:inherit;padding:.5rem;border:1px solid #767676;border-radius:4px}
    textarea{min-height:12rem}
    fieldset{border:1px solid #c8c8c8;border-radius:8px;margin:0 0 1.2rem;padding:.6rem .9rem}
    legend{font-weight:600;padding:0 .3rem}
    .choice{display:flex;gap:.6rem;align-items:flex-start;min-height:44px;padding:.5rem 0;font-weight:400;margin:0}
    .choice input{width:1.4rem;height:1.4rem;margin-top:.1rem;flex:none}
    .hint{color:#555;font-size:.95rem;font-weight:400}
    .status{display:inline-block;font-size:.85rem;padding:.05rem .5rem;border-radius:1rem;background:#e7eef6;color:#0b3d66}
    .status.warn{background:#fff4e5;color:#7a3e00}.status.good{background:#e8f5e9;color:#1b5e20}.status.late{background:#fdecea;color:#8e1c1c}
    li.task{list-style:none;margin-inline-start:-1.3rem}.box{display:inline-block;width:1.3rem}
    ol.lessons{padding-inline-start:1.3rem}ol.lessons li{margin:.4rem 0}
    .pager{display:flex;justify-content:space-between;gap:.6rem;flex-wrap:wrap;margin:1.5rem 0}
    footer{border-top:1px solid #ddd;margin-top:2rem;padding:1rem;font-size:.95rem}
    footer ul{list-style:none;padding:0;margin:0 auto;max-width:42rem;display:flex;flex-wrap:wrap;gap:.2rem 1.2rem}
    footer a{display:inline-block;min-height:44px;padding:.6rem 0}
    .sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
    .code{font-family:ui-monospace,monospace;font-size:1.2rem;letter-spacing:.05em}
    pre.post{white-space:pre-wrap;overflow-wrap:anywhere;font:inherit;border-radius:6px}
    main.wide{max-width:80rem}
    .filters{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:flex-end;margin:0 0 .5rem}
    .filters label{margin:0 0 .2rem}.filters select{width:auto;max-width:100%}
    .tiles{list-style:none;padding:0;margin:.5rem 0 1rem;display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:.5rem}
    .tile a{display:block;height:100%;min-height:44px;border:1px solid #c8c8c8;border-radius:8px;padding:.4rem .7rem;text-decoration:none;color:#1a1a1a}
    .tile .n{display:block;font-size:1.7rem;font-weight:700;line-height:1.15;color:#0b3d66}.tile .l{display:block;font-size:.9rem;line-height:1.3}
    .tile.good a{border-inline-start:5px solid #2e7d32}.tile.late a{border-inline-start:5px solid #c62828;background:#fdecea}.tile.warn a{border-inline-start:5px solid #e37400;background:#fff4e5}
    .grid{display:grid;gap:0 1.5rem;grid-template-columns:minmax(0,1fr);align-items:start}.grid>*{min-width:0}.grid>section>h2:first-child{margin-top:.8rem}
    .todo{margin:0;padding-inline-start:1.2rem}.todo li{margin:.35rem 0}
    .scroll{overflow-x:auto;max-width:100%;margin:0 0 1rem}
    .scroll table{width:auto;min-width:100%}
    .scroll th,.scroll td{overflow-wrap:normal;white-space:nowrap}
    .scroll tbody th,.scroll thead th:first-child{position:sticky;inset-inline-start:0;background:#fff;z-index:1}
    .scroll thead th{white-space:normal}.scroll tbody th{white-space:normal;min-width:6rem;max-width:12rem}
    .attend{list-style:none;padding:0;margin:0}
    .attend button{width:100%;display:flex;justify-content:space-between;align-items:center;gap:.5rem;text-align:start;margin:.25rem 0;color:#1a1a1a}
    .attend button[aria-pressed=true]{background:#e8f5e9;border-color:#2e7d32}
    dl.facts dt{font-weight:600}dl.facts dd{margin:0 0 .6rem}
    @media (min-width:48rem){main{padding:1.5rem}.tiles{grid-template-columns:repeat(4,minmax(0,1fr))}.grid{grid-template-columns:repeat(2,minmax(0,1fr))}.gain br{display:none}}
    """

  static let cssHash = String(Hex.encode(SHA256.hash(css)).prefix(12))
  static let cssPath = "/assets/app.\(cssHash).css"
}
