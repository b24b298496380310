// The chunk behind highlight-code.ts: the core plus a few common languages, not all 190.
import highlightJs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import css from 'highlight.js/lib/languages/css';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';

const LANGUAGES = { bash, css, go, java, javascript, json, python, rust, sql, typescript, xml, yaml };

export function createHighlighter(): (code: string, language: string) => string | null {
  for (const [name, definition] of Object.entries(LANGUAGES)) highlightJs.registerLanguage(name, definition);
  highlightJs.registerAliases(['js', 'jsx'], { languageName: 'javascript' });
  highlightJs.registerAliases(['ts', 'tsx'], { languageName: 'typescript' });
  highlightJs.registerAliases(['sh', 'shell', 'zsh'], { languageName: 'bash' });
  highlightJs.registerAliases(['html', 'svg'], { languageName: 'xml' });
  highlightJs.registerAliases(['py'], { languageName: 'python' });
  highlightJs.registerAliases(['yml'], { languageName: 'yaml' });
  return (code, language) => {
    if (!highlightJs.getLanguage(language)) return null;
    return highlightJs.highlight(code, { language, ignoreIllegals: true }).value;
  };
}
