// Feed fixtures shared by several test files (Arabic text written for these tests).
import { AR } from './helpers.js';

export const RSS = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>أخبار المدينة</title><link>https://news.example/</link>
<item>
  <title>انهيار جسر قديم فوق القناة</title>
  <link>https://news.example/bridge</link>
  <pubDate>Wed, 07 Aug 2024 23:30:00 +0300</pubDate>
  <description>ملخص قصير</description>
  <content:encoded><![CDATA[<p>${AR.sentence}</p><script>bad()</script><p>${AR.second}</p>]]></content:encoded>
</item>
<item>
  <title>لجنة لفحص الجسور</title>
  <pubDate>Thu, 08 Aug 2024 09:00:00 GMT</pubDate>
  <description><![CDATA[<p>${AR.third}</p>]]></description>
</item>
</channel></rss>`;

export const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>موجز</title><id>urn:x</id><updated>2024-08-09T00:00:00Z</updated>
  <entry><title>الخبر الأول</title><link href="https://atom.example/1"/><id>urn:1</id>
    <published>2024-08-09T10:00:00+02:00</published><updated>2024-08-10T10:00:00Z</updated>
    <content type="html">&lt;p&gt;${AR.sentence}&lt;/p&gt;&lt;p&gt;${AR.second}&lt;/p&gt;</content></entry>
  <entry><title>الخبر الثاني</title><id>urn:2</id><updated>2024-08-11T10:00:00Z</updated>
    <summary>${AR.third}</summary></entry>
</feed>`;
