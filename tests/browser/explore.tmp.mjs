import { startServer, launchBrowser, newPage, openApp } from './harness.mjs';
const srv = await startServer();
const b = await launchBrowser();
try {
  for (const [w,h,lang] of [[1440,900,'en'],[375,800,'ko']]) {
    const p = await newPage(b, {width:w, height:h, lang});
    const t0 = Date.now();
    await openApp(p, srv.url, process.argv[2] || '');
    console.log('ready in', Date.now()-t0, 'ms', await p.evaluate(()=>location.hash));
    await p.waitForTimeout(800);
    await p.screenshot({path:`/tmp/explore/${w}-${lang}.png`, fullPage: true});
    console.log(p.problems);
    console.log(await p.evaluate(()=>JSON.stringify(window.aimath.lessons())));
    console.log(await p.evaluate(()=>JSON.stringify(window.aimath.readouts())));
    await p.closeAll();
  }
} finally { await b.close(); await srv.stop(); }
