import { startServer, launchBrowser, newPage, openApp, waitFrames } from './harness.mjs';
const srv = await startServer();
const b = await launchBrowser();
const [w,h,lang,hash,out,full] = process.argv.slice(2);
try {
    const p = await newPage(b, {width:+w, height:+h});
    await openApp(p, srv.url, hash + '&lang=' + lang);
    await waitFrames(p, 5);
    await p.screenshot({path: out, fullPage: full==='full'});
    console.log(p.problems);
    await p.closeAll();
} finally { await b.close(); await srv.stop(); }
