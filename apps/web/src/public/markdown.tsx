import ReactMarkdown from 'react-markdown';

/** Markdown as HTML; raw HTML in it is dropped, links open in a new tab. */
export const Markdown = ({ children }: { children: string }) => (
  <div className="markdown-body">
    <ReactMarkdown
      skipHtml
      components={{
        a: ({ node: _node, ...props }) => (
          <a {...props} target="_blank" rel="noreferrer noopener" />
        ),
      }}
    >
      {children}
    </ReactMarkdown>
  </div>
);
