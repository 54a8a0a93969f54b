// 内容分类 and, when the province's dictionary has any below the chosen category, 细分类 (a second
// or third level, GET /api/v1/categories/dictionary) on the registration form, with the one whose
// name the subject or content contains offered in one click (suggestSubcategory, as on the case
// page). A new category clears a 细分类 that belonged to the old one.
import { Button, Form, type FormInstance, Select, Space, Typography } from 'antd';
import { useEffect } from 'react';
import {
  firstLevelOf,
  subcategoryChoices,
  suggestSubcategory,
} from '../../../src/domain/admin/categories.ts';
import { CONTENT_CATEGORIES } from '../../../src/domain/categories.ts';
import { useCategoryDictionary } from '../categoryDictionary.ts';

export function CategoryFields({ form }: { form: FormInstance }) {
  const category = Form.useWatch('categoryCode', form) as string | undefined;
  const dictionary = useCategoryDictionary();
  const subject = Form.useWatch('subject', form) as string | undefined;
  const content = Form.useWatch('content', form) as string | undefined;
  const chosen = Form.useWatch('subcategoryCode', form) as string | undefined;
  const entries = dictionary.data?.entries ?? [];
  const choices = category ? subcategoryChoices(entries, category) : [];
  const suggestion =
    category && !chosen ? suggestSubcategory(entries, category, `${subject ?? ''}。${content ?? ''}`) : null;
  useEffect(() => {
    const sub = form.getFieldValue('subcategoryCode') as string | undefined;
    if (sub && firstLevelOf(sub) !== category) form.setFieldValue('subcategoryCode', undefined);
  }, [category, form]);
  return (
    <>
      <Form.Item label="内容分类" name="categoryCode" extra="可采用上方的分类建议">
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="请选择内容分类"
          style={{ maxWidth: 320 }}
          options={CONTENT_CATEGORIES.map((c) => ({ value: c.code, label: c.name, title: c.description }))}
        />
      </Form.Item>
      {choices.length > 0 ? (
        <Form.Item
          label="细分类"
          htmlFor="subcategoryCode"
          extra={
            suggestion ? (
              <Space size={4} wrap>
                <Typography.Text type="secondary">文中有“{suggestion.matched}”</Typography.Text>
                <Button
                  size="small"
                  type="link"
                  onClick={() => form.setFieldValue('subcategoryCode', suggestion.code)}
                >
                  采用建议：{suggestion.label}
                </Button>
              </Space>
            ) : (
              '可选：二、三级分类，由省级管理员维护'
            )
          }
        >
          <Form.Item name="subcategoryCode" noStyle>
            <Select
              id="subcategoryCode"
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder="请选择二、三级分类"
              style={{ maxWidth: 320 }}
              options={choices.map((c) => ({ value: c.code, label: c.label }))}
            />
          </Form.Item>
        </Form.Item>
      ) : null}
    </>
  );
}
